package io.runnel.connect;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of the connect module, checked on the compiled classes: connector authors see only the SPI, so
 * the SPI packages never depend on the runtime; Jackson stays in the JSON and REST packages, Jetty in the REST
 * package; the herder's entities are plain values.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.runnel.connect");
    }

    @Test
    void spiPackagesShouldNeverDependOnTheRuntime() {
        noClasses().that().resideInAnyPackage(
                        "io.runnel.connect.connector..", "io.runnel.connect.source..", "io.runnel.connect.sink..",
                        "io.runnel.connect.data..", "io.runnel.connect.header..", "io.runnel.connect.storage..",
                        "io.runnel.connect.transforms..", "io.runnel.connect.errors..", "io.runnel.connect.json..",
                        "io.runnel.connect.converters..", "io.runnel.connect.file..", "io.runnel.connect.components..")
                .should().dependOnClassesThat().resideInAPackage("io.runnel.connect.runtime..")
                .because("connector authors compile against the SPI only; the runtime may change freely")
                .check(classes);
    }

    @Test
    void jettyShouldOnlyBeUsedByTheRestPackage() {
        noClasses().that().resideOutsideOfPackage("io.runnel.connect.runtime.rest")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .because("the HTTP server library is confined to the REST package")
                .check(classes);
    }

    @Test
    void theHerdersEntitiesShouldBePlainValues() {
        noClasses().that().resideInAnyPackage("io.runnel.connect.runtime.rest.entities..",
                        "io.runnel.connect.runtime.rest.errors..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "org.eclipse.jetty..")
                .because("the Herder's API must not expose the REST layer's libraries")
                .check(classes);
    }

    @Test
    void theRuntimeShouldNotDependOnTheTestKit() {
        noClasses().that().resideInAPackage("io.runnel.connect.runtime..")
                .should().dependOnClassesThat().resideInAPackage("io.runnel.connect.test..")
                .because("the test kit sits on top of the runtime")
                .check(classes);
    }

    @Test
    void jacksonShouldOnlyBeUsedByTheJsonPackage() {
        noClasses().that().resideOutsideOfPackages("io.runnel.connect.json..", "io.runnel.connect.runtime.rest")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("a third-party library is confined to one package")
                .check(classes);
    }
}
