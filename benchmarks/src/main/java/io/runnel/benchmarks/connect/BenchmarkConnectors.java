package io.runnel.benchmarks.connect;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.sink.SinkConnector;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;
import io.runnel.connect.source.SourceConnector;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * In-memory connectors for the pipeline benchmark: a source generating order structs as fast as the pipeline
 * takes them (at most {@value #WINDOW} records ahead of the sink, so the log stays small), and a sink counting
 * what {@code put} receives. Both find their counters by the {@code bench.id} setting.
 */
public final class BenchmarkConnectors {

    /** Most records the source may run ahead of the sink. */
    public static final long WINDOW = 100_000;
    private static final Map<String, Counters> COUNTERS = new ConcurrentHashMap<>();

    private BenchmarkConnectors() {
    }

    /** Records produced (returned by poll) and consumed (received by put) in one benchmark trial. */
    public static final class Counters {
        /** Records returned by the source's poll. */
        public final AtomicLong produced = new AtomicLong();
        /** Records received by the sink's put. */
        public final AtomicLong consumed = new AtomicLong();
    }

    /**
     * @param id a trial's {@code bench.id}
     * @return its counters
     */
    public static Counters counters(String id) {
        return COUNTERS.computeIfAbsent(id, k -> new Counters());
    }

    static final Schema ORDER = SchemaBuilder.struct().name("com.example.Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .field("amount", Schema.FLOAT64_SCHEMA)
            .field("express", Schema.BOOLEAN_SCHEMA)
            .build();

    private static ConfigDef def() {
        return new ConfigDef().define("bench.id", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "counters")
                .define("topic", ConfigDef.Type.STRING, "bench", ConfigDef.Importance.HIGH, "topic");
    }

    /** The generating source. */
    public static final class GeneratorSource extends SourceConnector {
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
            return GeneratorTask.class;
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
            return def();
        }
    }

    /** Generates 500 orders per poll. */
    public static final class GeneratorTask extends SourceTask {
        private static final Map<String, String> PARTITION = Map.of("generator", "0");
        private Counters counters;
        private String topic;
        private long next;
        private volatile boolean stopped;

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
            counters = counters(props.get("bench.id"));
            topic = props.getOrDefault("topic", "bench");
        }

        @Override
        public List<SourceRecord> poll() {
            if (counters.produced.get() - counters.consumed.get() > WINDOW) {
                LockSupport.parkNanos(100_000);
                return null;
            }
            List<SourceRecord> records = new ArrayList<>(500);
            for (int i = 0; i < 500 && !stopped; i++, next++) {
                Struct order = new Struct(ORDER).put("id", next).put("customer", "customer-" + (next % 1000))
                        .put("amount", (next % 10_000) / 100.0).put("express", (next & 1) == 0);
                records.add(new SourceRecord(PARTITION, Map.of("seq", next), topic, null, Schema.STRING_SCHEMA,
                        Long.toString(next), ORDER, order));
            }
            counters.produced.addAndGet(records.size());
            return records;
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    /** The counting sink. */
    public static final class CountingSink extends SinkConnector {
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
            return def();
        }
    }

    /** Counts records (and touches each value so conversion cannot be skipped). */
    public static final class CountingTask extends SinkTask {
        private Counters counters;
        private long checksum;

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
            counters = counters(props.get("bench.id"));
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord r : records) {
                checksum += r.value() == null ? 0 : r.value().hashCode();
            }
            counters.consumed.addAndGet(records.size());
        }

        @Override
        public void stop() {
            if (checksum == 42) {
                counters.consumed.incrementAndGet();
            }
        }
    }
}
