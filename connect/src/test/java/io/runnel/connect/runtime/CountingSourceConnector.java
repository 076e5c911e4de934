package io.runnel.connect.runtime;

import io.runnel.clients.producer.RecordMetadata;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.data.Schema;
import io.runnel.connect.source.SourceConnector;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test source: each poll returns {@code batch} numbered records; remembers every commitRecord call. */
public class CountingSourceConnector extends SourceConnector {

    /** commitRecord calls of every task: the record's value and where it was written (null when dropped). */
    public static final List<Map.Entry<Object, RecordMetadata>> COMMITTED = new CopyOnWriteArrayList<>();

    private Map<String, String> props;

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CountingTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "topic")
                .define("batch", ConfigDef.Type.INT, 3, ConfigDef.Importance.LOW, "records per poll");
    }

    /** The task. */
    public static class CountingTask extends SourceTask {
        private String topic;
        private int batch;
        private long next;

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
            topic = props.get("topic");
            batch = Integer.parseInt(props.getOrDefault("batch", "3"));
            Map<String, Object> offset = context.offsetStorageReader().offset(Map.of("counter", "c"));
            next = offset == null ? 0 : (Long) offset.get("n") + 1;
        }

        @Override
        public List<SourceRecord> poll() {
            List<SourceRecord> records = new ArrayList<>();
            for (int i = 0; i < batch; i++, next++) {
                records.add(new SourceRecord(Map.of("counter", "c"), Map.of("n", next), topic, null,
                        Schema.INT64_SCHEMA, next));
            }
            return records;
        }

        @Override
        public void commitRecord(SourceRecord record, RecordMetadata metadata) {
            COMMITTED.add(new java.util.AbstractMap.SimpleEntry<>(record.value(), metadata));
        }

        @Override
        public void stop() {
        }
    }
}
