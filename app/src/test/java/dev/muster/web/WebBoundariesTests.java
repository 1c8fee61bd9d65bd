package dev.muster.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The pages sit on the core's ports and services: not on the JSON API, not on storage, not on HTTP clients. */
class WebBoundariesTests {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.muster");

    @Test
    void pagesUseTheCorePortsNeverTheApiStorageOrAnHttpClient() {
        noClasses().that().resideInAPackage("dev.muster.web..").should().dependOnClassesThat().resideInAnyPackage(
                        "dev.muster.api..", "dev.muster.storage..", "org.springframework.jdbc..", "java.sql..",
                        "org.springframework.web.client..", "java.net.http..")
                .check(classes);
    }

    @Test
    void nothingOutsideThePagesDependsOnThem() {
        noClasses().that().resideOutsideOfPackage("dev.muster.web..").should().dependOnClassesThat()
                .resideInAPackage("dev.muster.web..").check(classes);
    }
}
