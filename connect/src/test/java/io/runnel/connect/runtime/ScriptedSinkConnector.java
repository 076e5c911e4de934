package io.runnel.connect.runtime;

import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.sink.SinkConnector;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;
import io.runnel.connect.sink.SinkTaskContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A test sink whose {@code put} runs a script the test sets, with the task's context. */
public class ScriptedSinkConnector extends SinkConnector {

    /** What put does: receives the context and the batch; may throw. Null: accept. */
    public static volatile BiConsumer<SinkTaskContext, Collection<SinkRecord>> script;
    /** Every batch put (after the script accepted it). */
    public static final List<List<SinkRecord>> BATCHES = new CopyOnWriteArrayList<>();
    /** Partitions opened and closed, in order ("open t-0", "close t-0"). */
    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

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
        return ScriptedTask.class;
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
        return new ConfigDef();
    }

    /** The task. */
    public static class ScriptedTask extends SinkTask {
        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void open(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> EVENTS.add("open " + tp));
        }

        @Override
        public void close(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> EVENTS.add("close " + tp));
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            BiConsumer<SinkTaskContext, Collection<SinkRecord>> s = script;
            if (s != null) {
                s.accept(context, records);
            }
            BATCHES.add(new ArrayList<>(records));
        }

        @Override
        public void flush(Map<TopicPartition, io.runnel.clients.consumer.OffsetAndMetadata> offsets) {
            EVENTS.add("flush");
        }

        @Override
        public void stop() {
            EVENTS.add("stop");
        }
    }
}
