package io.runnel.connect.file;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.source.SourceConnector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a text file line by line into a topic, as Kafka Connect's {@code FileStreamSourceConnector}. Settings:
 * {@value #FILE_CONFIG} (the file; standard input when unset, without offsets), {@value #TOPIC_CONFIG} (required)
 * and {@value #TASK_BATCH_SIZE_CONFIG} (most lines per poll, default 2000). One task, whatever {@code tasks.max}:
 * one file has one reader. See {@link FileStreamSourceTask} for offsets and partial lines.
 */
public class FileStreamSourceConnector extends SourceConnector {

    /** The file to read. */
    public static final String FILE_CONFIG = "file";
    /** The topic to write to. */
    public static final String TOPIC_CONFIG = "topic";
    /** The most records per poll. */
    public static final String TASK_BATCH_SIZE_CONFIG = "batch.size";
    /** The default of {@value #TASK_BATCH_SIZE_CONFIG}. */
    public static final int DEFAULT_TASK_BATCH_SIZE = 2000;

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FILE_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
                    "Source filename. If not specified, the standard input will be used")
            .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "The topic to publish data to")
            .define(TASK_BATCH_SIZE_CONFIG, ConfigDef.Type.INT, DEFAULT_TASK_BATCH_SIZE, ConfigDef.Range.atLeast(1),
                    ConfigDef.Importance.LOW, "The maximum number of records the source task can read from the file "
                            + "each time it is polled");

    private Map<String, String> taskProps;

    /** Creates the connector. */
    public FileStreamSourceConnector() {
    }

    @Override
    public String version() {
        return FileStreamVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, props);
        Map<String, String> task = new HashMap<>();
        if (config.getString(FILE_CONFIG) != null) {
            task.put(FILE_CONFIG, config.getString(FILE_CONFIG));
        }
        task.put(TOPIC_CONFIG, config.getString(TOPIC_CONFIG));
        task.put(TASK_BATCH_SIZE_CONFIG, String.valueOf(config.getInt(TASK_BATCH_SIZE_CONFIG)));
        taskProps = Map.copyOf(task);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileStreamSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(taskProps);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
