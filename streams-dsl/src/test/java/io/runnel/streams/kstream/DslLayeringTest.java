package io.runnel.streams.kstream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Think hard about the layering before changing this test. The DSL is a compiler onto the Processor API: it never
 * reaches the log, the clients or RocksDB, and its public API does not expose the runtime.
 */
class DslLayeringTest {

    private static final JavaClasses DSL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runnel.streams.kstream", "io.runnel.streams");

    @Test
    void theDslUsesNeitherTheLogNorTheClientsNorRocksDB() {
        noClasses().that().resideInAnyPackage("io.runnel.streams.kstream..")
                .or().haveFullyQualifiedName("io.runnel.streams.StreamsBuilder")
                .should().dependOnClassesThat().resideInAnyPackage("io.runnel.server..", "io.runnel.log..",
                        "io.runnel.coordinator..", "io.runnel.clients..", "org.rocksdb..")
                .check(DSL);
    }

    @Test
    void thePublicDslDoesNotExposeTheRuntime() {
        noClasses().that().resideInAPackage("io.runnel.streams.kstream")
                .should().dependOnClassesThat().resideInAnyPackage("io.runnel.streams.processor.internals..")
                .check(DSL);
    }
}
