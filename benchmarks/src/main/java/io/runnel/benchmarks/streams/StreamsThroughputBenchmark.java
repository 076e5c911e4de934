package io.runnel.benchmarks.streams;

import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.common.serialization.ByteArraySerializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.StoreBuilder;
import io.runnel.streams.state.Stores;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end records/s of a whole application instance on the embedded log: each invocation starts a fresh
 * application (new {@code application.id}) over the same pre-filled input topic ({@link #records} records,
 * 1,000,000 by default, 2 partitions, 100-byte values, 10 % filtered out), waits until every input record is
 * processed and committed, and closes it. Start-up, group join (with two threads: a second rebalance) and shutdown
 * are included, a few percent of an invocation. The output topic is re-created after each invocation.
 *
 * <ul>
 *   <li>{@code stateless}: source, filter (value length over 20), map (value to upper-case bytes), sink.</li>
 *   <li>{@code count}: source, count per key (10,000 keys) in a RocksDB store with change logging, sink of the
 *       counts; the {@code caching} parameter switches the record cache (10 MiB) on.</li>
 * </ul>
 * One operation is one application run over the whole input: the primary score is runs/s; the {@code records}
 * secondary score is input records/s, the number to quote.
 *
 * <pre>bin/runnel-bench StreamsThroughputBenchmark
 * java -jar benchmarks/target/benchmarks.jar StreamsThroughputBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamsThroughputBenchmark {

    static final int PARTITIONS = 2;

    /** Input records of each run. */
    @Param({"1000000"})
    public int records;

    /** Stream threads ({@code num.stream.threads}). */
    @Param({"1", "2"})
    public int threads;

    private StreamsBenchmarkLog log;
    private int run;

    /** Counts input records. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        /** Input records processed. */
        public long records;
    }

    /** The record cache switch of {@link #count}, a state of its own so that it does not multiply the others. */
    @State(Scope.Benchmark)
    public static class Cache {
        /** Whether the count store has the record cache (10 MiB) in front of it. */
        @Param({"true", "false"})
        public boolean caching;
    }

    /** Opens the log and fills the input topic. */
    @Setup(Level.Trial)
    public void setUp() {
        log = new StreamsBenchmarkLog("throughput");
        log.createTopic("input", PARTITIONS);
        log.createTopic("output", PARTITIONS);
        log.fill("input", records, 10_000);
    }

    /** Empties the output topic. */
    @TearDown(Level.Invocation)
    public void recreateOutput() {
        log.recreateTopic("output", PARTITIONS);
    }

    /** Closes and deletes the log. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
    }

    /** Keeps values longer than 20 bytes. */
    static final class Filter extends ContextualProcessor<byte[], byte[], byte[], byte[]> {
        @Override
        public void process(Record<byte[], byte[]> record) {
            if (record.value().length > 20) {
                context().forward(record);
            }
        }
    }

    /** Upper-cases ASCII values. */
    static final class Map extends ContextualProcessor<byte[], byte[], byte[], byte[]> {
        @Override
        public void process(Record<byte[], byte[]> record) {
            byte[] v = record.value().clone();
            for (int i = 0; i < v.length; i++) {
                if (v[i] >= 'a' && v[i] <= 'z') {
                    v[i] -= 32;
                }
            }
            context().forward(record.withValue(v));
        }
    }

    /** Counts per key in store "counts" and forwards the count. */
    static final class Count extends ContextualProcessor<byte[], byte[], byte[], Long> {
        private KeyValueStore<byte[], Long> store;

        @Override
        public void init(ProcessorContext<byte[], Long> context) {
            super.init(context);
            store = context.getStateStore("counts");
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            Long old = store.get(record.key());
            long count = old == null ? 1 : old + 1;
            store.put(record.key(), count);
            context().forward(record.withValue(count));
        }
    }

    private void run(Topology topology, String name, Counters counters) {
        Properties props = log.props(name + "-" + threads + "-" + (run++), threads);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
        try (RunnelStreams streams = new RunnelStreams(topology, props)) {
            streams.start();
            StreamsBenchmarkLog.awaitCaughtUp(streams, PARTITIONS);
        }
        counters.records += records;
    }

    /**
     * Source, filter, map, sink.
     *
     * @param counters the records counter
     */
    @Benchmark
    public void stateless(Counters counters) {
        Topology topology = new Topology()
                .addSource("Source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "input")
                .addProcessor("Filter", Filter::new, "Source")
                .addProcessor("Map", Map::new, "Filter")
                .addSink("Sink", "output", new ByteArraySerializer(), new ByteArraySerializer(), "Map");
        run(topology, "stateless", counters);
    }

    private Topology countTopology(boolean caching) {
        StoreBuilder<KeyValueStore<byte[], Long>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("counts"), Serdes.ByteArray(), Serdes.Long());
        if (caching) {
            store.withCachingEnabled();
        }
        return new Topology()
                .addSource("Source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "input")
                .addProcessor("Count", Count::new, "Source")
                .addStateStore(store, "Count")
                .addSink("Sink", "output", new ByteArraySerializer(), Serdes.Long().serializer(), "Count");
    }

    /**
     * Count per key, RocksDB, record cache on or off.
     *
     * @param cache    the record cache switch
     * @param counters the records counter
     */
    @Benchmark
    public void count(Cache cache, Counters counters) {
        run(countTopology(cache.caching), cache.caching ? "count-cache" : "count-nocache", counters);
    }
}
