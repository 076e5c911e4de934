package io.runnel.connect.runtime;

import io.runnel.common.config.ConfigDef;

import java.nio.file.Path;
import java.util.Map;

/**
 * The standalone worker's configuration, as Kafka Connect's {@code StandaloneConfig}: {@link WorkerConfig}'s
 * settings plus {@value #OFFSET_STORAGE_FILE_FILENAME_CONFIG}, the file holding source offsets. Immutable.
 */
public class StandaloneConfig extends WorkerConfig {

    /** The file holding source offsets. */
    public static final String OFFSET_STORAGE_FILE_FILENAME_CONFIG = "offset.storage.file.filename";

    /** @return the definition of a standalone worker's settings */
    public static ConfigDef configDef() {
        return new ConfigDef(baseConfigDef()).define(OFFSET_STORAGE_FILE_FILENAME_CONFIG, ConfigDef.Type.STRING,
                ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH,
                "File to store source connector offsets in");
    }

    /**
     * @param props the worker's configuration
     * @throws io.runnel.common.config.ConfigException naming every problem
     */
    public StandaloneConfig(Map<String, ?> props) {
        super(configDef(), props);
    }

    /** @return the offsets file */
    public Path offsetStorageFile() {
        return Path.of(getString(OFFSET_STORAGE_FILE_FILENAME_CONFIG));
    }
}
