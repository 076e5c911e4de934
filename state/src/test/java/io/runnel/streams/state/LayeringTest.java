package io.runnel.streams.state;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Think hard about the layering before changing this test. RocksDB is confined to one package (plus the public
 * expert hook that Kafka users know), and the state module knows nothing about clients or the log engine.
 */
class LayeringTest {

    private static final JavaClasses STATE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runnel.streams");

    @Test
    void rocksDBIsUsedOnlyInItsPackageAndTheConfigSetterHook() {
        noClasses().that().resideOutsideOfPackage("io.runnel.streams.state.internals.rocksdb..")
                .and().doNotHaveFullyQualifiedName(RocksDBConfigSetter.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
                .check(STATE);
    }

    @Test
    void storesKnowNothingAboutClientsOrTheLogEngine() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.runnel.clients..", "io.runnel.log..", "io.runnel.common.record..")
                .check(STATE);
    }

    @Test
    void publicStoreApiDoesNotExposeEngines() {
        noClasses().that().resideInAPackage("io.runnel.streams.state")
                .and().doNotHaveFullyQualifiedName(RocksDBConfigSetter.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
                .check(STATE);
    }
}
