package dev.muster.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of STYLE.md, checked on the compiled classes of every module. */
class ModuleBoundariesTests {
    private static final String[] CORE = {"dev.muster.organization..", "dev.muster.onboarding..",
            "dev.muster.roles..", "dev.muster.readiness"};
    private static final String[] CONNECTORS = {"dev.muster.ldap..", "dev.muster.scim..", "dev.muster.csv.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.muster");
    }

    @Test
    void coreUsesNoFrameworkSdkWebOrJdbcTypes() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.camel..", "com.unboundid..", "jakarta.servlet..", "javax.servlet..",
                        "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void coreDependsOnNothingOfOursOutsideCore() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
                        CONNECTORS).orShould().dependOnClassesThat().resideInAnyPackage("dev.muster.routes..")
                .check(classes);
    }

    @Test
    void connectorsUseNoCamelAndNoWeb() {
        noClasses().that().resideInAnyPackage(CONNECTORS).should().dependOnClassesThat().resideInAnyPackage(
                "org.apache.camel..", "jakarta.servlet..", "org.springframework.web..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void ldapSdkTypesStayInsideTheLdapConnector() {
        noClasses().that().resideOutsideOfPackage("dev.muster.ldap..").should().dependOnClassesThat()
                .resideInAnyPackage("com.unboundid.ldap..", "com.unboundid.ldif..").check(classes);
    }

    @Test
    void scimSdkTypesStayInsideTheScimConnector() {
        noClasses().that().resideOutsideOfPackage("dev.muster.scim..").should().dependOnClassesThat()
                .resideInAnyPackage("com.unboundid.scim2..").check(classes);
    }
}
