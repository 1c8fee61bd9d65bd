package dev.muster.routes;

import dev.muster.csv.CsvInvitations;
import dev.muster.organization.Organizations;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The CSV drop folder: a file put in {@code <drop-directory>/<organization id>/} is applied as an invitation
 * list; it then moves to {@code done/} (rows applied, rejected ones reported) or {@code failed/} (refused as a
 * whole) beside its folder, with {@code <name>.result.json} next to it.
 */
@Component
class CsvInvitationRoute extends RouteBuilder {
    static final String FOLDER = "MusterCsvFolder";
    private final DropFolderImports imports;

    CsvInvitationRoute(CsvInvitations invitations, Organizations organizations) {
        this.imports = new DropFolderImports(invitations, organizations);
    }

    @Override
    public void configure() {
        from("file:{{muster.csv.drop-directory}}?recursive=true&minDepth=2&maxDepth=2&include=.*\\.csv"
                + "&readLock=changed&readLockCheckInterval={{muster.csv.read-lock-interval}}"
                + "&delay={{muster.csv.poll-delay}}&move=${header." + FOLDER + "}/${file:onlyname}")
                .routeId("onboarding-csv").routeConfigurationId("shared-error-handling")
                .autoStartup("{{muster.csv.drop-enabled}}")
                .setHeader(FOLDER, method(DropFolderImports.class, "failedFolder(${header.CamelFileParent})"))
                .bean(imports, "importFile").id("import-csv")
                .setHeader(FOLDER, method(DropFolderImports.class, "folderFor(${body}, ${header.CamelFileParent})"))
                .id("choose-folder")
                .log("${header.CamelFileName}: ${body.state} ${body.counts}")
                .bean(imports, "json").id("report-json")
                .toD("file:{{muster.csv.drop-directory}}?fileName=${header." + FOLDER + "}"
                        + "/${header.CamelFileNameOnly}.result.json").id("write-report");
    }
}
