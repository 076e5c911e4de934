package io.runnel.samples.connect;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.source.SourceConnector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test source connector: generates the records {@code ("<n>", "record-<n>")} for n from 0 to {@value #RECORDS_CONFIG}
 * - 1 into a topic, then idles. Each record carries a source partition ({@code {"sequence": <topic>}}) and source
 * offset ({@code {"next": n + 1}}), so a restarted connector resumes after the last record whose offset the worker
 * committed, and raising {@value #RECORDS_CONFIG} later produces only the new records.
 *
 * <p>Settings: {@value #TOPIC_CONFIG} (required), {@value #RECORDS_CONFIG} (default 100), {@value #BATCH_SIZE_CONFIG}
 * (records per poll, default 10). One task: a sequence has one source partition.
 *
 * <p>Run inside a worker with {@code connector.class=io.runnel.samples.connect.SequenceSourceConnector} (or the alias
 * {@code SequenceSource}); the class must be registered in
 * {@code META-INF/services/io.runnel.connect.source.SourceConnector} to be found. See {@link ConnectPipeline}.
 */
public class SequenceSourceConnector extends SourceConnector {

    /** The topic to write. */
    public static final String TOPIC_CONFIG = "topic";
    /** How many records the sequence has. */
    public static final String RECORDS_CONFIG = "records";
    /** The most records one poll returns. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    /** The version reported to the worker. */
    public static final String VERSION = "1.0";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "The topic to write the sequence to.")
            .define(RECORDS_CONFIG, ConfigDef.Type.LONG, 100L, ConfigDef.Range.atLeast(0),
                    ConfigDef.Importance.HIGH, "How many records the sequence has (0 to records - 1).")
            .define(BATCH_SIZE_CONFIG, ConfigDef.Type.INT, 10, ConfigDef.Range.atLeast(1),
                    ConfigDef.Importance.LOW, "The most records one poll returns.");

    private Map<String, String> settings;

    /** Creates the connector; the worker uses this public no-argument constructor. */
    public SequenceSourceConnector() {
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        CONFIG_DEF.parse(props); // fail fast with the setting's name
        this.settings = new HashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SequenceSourceTask.class;
    }

    /** @return one task configuration, whatever {@code maxTasks} is: one sequence is one source partition */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(Map.copyOf(settings));
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
