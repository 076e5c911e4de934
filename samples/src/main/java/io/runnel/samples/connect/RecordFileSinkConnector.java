package io.runnel.samples.connect;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.sink.SinkConnector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test sink connector: appends every record it receives to a file as one line,
 * {@code <topic>-<partition>@<offset>\t<key>\t<value>}, so a test (or a person) can see what arrived, from where,
 * and whether anything arrived twice. Settings: {@value #FILE_CONFIG} (required) and the worker's {@code topics} or
 * {@code topics.regex}. Every task appends to the same file (writes are line-atomic per task, not ordered across
 * tasks).
 *
 * <p>Run inside a worker with {@code connector.class=io.runnel.samples.connect.RecordFileSinkConnector} (or the
 * alias {@code RecordFileSink}); the class must be registered in
 * {@code META-INF/services/io.runnel.connect.sink.SinkConnector} to be found. See {@link ConnectPipeline}.
 */
public class RecordFileSinkConnector extends SinkConnector {

    /** The file to append to. */
    public static final String FILE_CONFIG = "file";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FILE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "The file to append the records to, one line each.");

    private String file;

    /** Creates the connector; the worker uses this public no-argument constructor. */
    public RecordFileSinkConnector() {
    }

    @Override
    public String version() {
        return SequenceSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        file = (String) CONFIG_DEF.parse(props).get(FILE_CONFIG);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RecordFileSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(Map.of(FILE_CONFIG, file));
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
