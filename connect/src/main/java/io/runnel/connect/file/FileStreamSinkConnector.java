package io.runnel.connect.file;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.sink.SinkConnector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends each record's value as a line to a file, as Kafka Connect's {@code FileStreamSinkConnector}. Setting:
 * {@value #FILE_CONFIG} (the file, created if missing; standard output when unset). Every task appends to the
 * same file.
 */
public class FileStreamSinkConnector extends SinkConnector {

    /** The file to append to. */
    public static final String FILE_CONFIG = "file";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FILE_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
                    "Destination filename. If not specified, the standard output will be used");

    private String filename;

    /** Creates the connector. */
    public FileStreamSinkConnector() {
    }

    @Override
    public String version() {
        return FileStreamVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        filename = new AbstractConfig(CONFIG_DEF, props).getString(FILE_CONFIG);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileStreamSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new HashMap<>();
            if (filename != null) {
                config.put(FILE_CONFIG, filename);
            }
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
