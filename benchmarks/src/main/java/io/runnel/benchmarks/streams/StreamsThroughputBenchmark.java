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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * application (new {@code application.id}) over the same pre-filled input topic (1,000,000 records, 2 partitions,
 * 100-byte values, 10 % filtered out), waits until every input record is processed and committed, and closes it.
 * Start-up, group join (with two threads: a second rebalance) and shutdown are included, a few percent of an
 * invocation. The output topic is re-created after each invocation.
 *
 * <ul>
 *   <li>{@code stateless}: source, filter (value length over 20), map (value to upper-case bytes), sink.</li>
 *   <li>{@code count}: source, count per key (10,000 keys) in a RocksDB store with change logging, sink of the
 *       counts; {@code caching} switches the record cache (10 MiB) on.</li>
 * </ul>
 * Score = input records/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamsThroughputBenchmark {

    static final int RECORDS = 1_000_000;
    static final int PARTITIONS = 2;

    @Param({"1", "2"})
    public int threads;

    private StreamsBenchmarkLog log;
    private int run;

    @Setup(Level.Trial)
    public void setUp() {
        log = new StreamsBenchmarkLog("throughput");
        log.createTopic("input", PARTITIONS);
        log.createTopic("output", PARTITIONS);
        log.fill("input", RECORDS, 10_000);
    }

    @TearDown(Level.Invocation)
    public void recreateOutput() {
        log.recreateTopic("output", PARTITIONS);
    }

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

    private void run(Topology topology, String name) {
        Properties props = log.props(name + "-" + threads + "-" + (run++), threads);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
        try (RunnelStreams streams = new RunnelStreams(topology, props)) {
            streams.start();
            StreamsBenchmarkLog.awaitCaughtUp(streams, PARTITIONS);
        }
    }

    /** Source, filter, map, sink. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void stateless() {
        Topology topology = new Topology()
                .addSource("Source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "input")
                .addProcessor("Filter", Filter::new, "Source")
                .addProcessor("Map", Map::new, "Filter")
                .addSink("Sink", "output", new ByteArraySerializer(), new ByteArraySerializer(), "Map");
        run(topology, "stateless");
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

    /** Count per key, RocksDB, record cache off. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void countCacheOff() {
        run(countTopology(false), "count-nocache");
    }

    /** Count per key, RocksDB, record cache on. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void countCacheOn() {
        run(countTopology(true), "count-cache");
    }
}
