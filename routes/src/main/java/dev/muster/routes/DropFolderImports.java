package dev.muster.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.muster.csv.CsvInvitations;
import dev.muster.csv.ImportMode;
import dev.muster.csv.ImportReport;
import dev.muster.csv.ImportState;
import dev.muster.csv.Upload;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file from the drop folder as an import: the folder it lies in names the organization; a name ending in
 * {@code .all-or-nothing.csv} asks for that mode. Answers the report, the folder the file moves to and the report
 * as JSON to keep beside it.
 */
class DropFolderImports {
    static final String DONE = "done";
    static final String FAILED = "failed";

    private final CsvInvitations invitations;
    private final Organizations organizations;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    DropFolderImports(CsvInvitations invitations, Organizations organizations) {
        this.invitations = invitations;
        this.organizations = organizations;
    }

    ImportReport importFile(File file) {
        String folder = file.getParentFile().getName();
        Optional<OrganizationId> organization = organization(folder);
        if (organization.isEmpty()) {
            return new ImportReport(null, null, folder, file.getName(), false, ImportMode.VALID_ROWS.label(),
                    ImportState.REFUSED, 0, Map.of(), 0, List.of(), List.of(), false,
                    new ImportReport.Refusal("unknown-organization", "the folder \"" + folder
                            + "\" is not the id of an organization: put files in <drop-directory>/<organization id>/"));
        }
        ImportMode mode = file.getName().endsWith(".all-or-nothing.csv") ? ImportMode.ALL_OR_NOTHING
                : ImportMode.VALID_ROWS;
        var upload = new Upload(organization.get(), Actor.system(Actor.Kind.CSV_IMPORT, "drop folder " + file.getName()),
                file.getName(), mode, "drop folder");
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return invitations.apply(upload, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the file goes, relative to the drop directory: {@code <organization>/failed} when refused as a whole,
     * {@code <organization>/done} when its rows were applied (rejected rows included).
     */
    static String folderFor(ImportReport report, String parent) {
        boolean failed = report.state() == ImportState.REFUSED || report.state() == ImportState.FAILED;
        return new File(parent).getName() + "/" + (failed ? FAILED : DONE);
    }

    /** Where the file goes when the route fails before it has a report. */
    static String failedFolder(String parent) {
        return new File(parent).getName() + "/" + FAILED;
    }

    String json(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the import report", e);
        }
    }

    private Optional<OrganizationId> organization(String folder) {
        try {
            return organizations.find(OrganizationId.of(folder)).map(o -> o.id());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
