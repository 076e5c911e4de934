package io.runnel.streams;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Think hard about the layering before changing this test. The runtime reaches the log through the clients only
 * (so it runs unchanged against a network log later), never through the embedded log or the storage engine; the
 * Processor API that users implement knows nothing of the runtime.
 */
class LayeringTest {

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runnel.streams");

    @Test
    void theRuntimeUsesTheLogOnlyThroughTheClients() {
        noClasses().that().resideInAnyPackage("io.runnel.streams", "io.runnel.streams.processor..",
                        "io.runnel.streams.errors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.runnel.server..", "io.runnel.log..",
                        "io.runnel.coordinator..")
                .check(RUNTIME);
    }

    @Test
    void theProcessorApiDoesNotDependOnTheRuntime() {
        noClasses().that().resideInAPackage("io.runnel.streams.processor.api")
                .should().dependOnClassesThat().resideInAPackage("io.runnel.streams.processor.internals..")
                .check(RUNTIME);
    }

    @Test
    void theRuntimeDoesNotUseRocksDBDirectly() {
        noClasses().that().resideInAnyPackage("io.runnel.streams", "io.runnel.streams.processor.internals..",
                        "io.runnel.streams.processor.api")
                .should().dependOnClassesThat().resideInAPackage("org.rocksdb..").check(RUNTIME);
    }
}
