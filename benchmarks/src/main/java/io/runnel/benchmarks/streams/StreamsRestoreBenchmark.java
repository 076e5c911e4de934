package io.runnel.benchmarks.streams;

import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.streams.LagInfo;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.Topology;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.Stores;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Restoration rate of a whole application instance: a stateful application (one RocksDB store, 2 partitions) first
 * processes {@link #records} records (1,000,000 by default) with distinct keys, leaving a changelog of as many
 * records. Each invocation deletes the local state ({@code cleanUp()}), starts the application (one stream thread),
 * and waits until it is running with every store caught up: the time is the restore consumer reading the changelog
 * and the state manager writing RocksDB batches, plus start-up (about 100 ms). One operation is one full restore:
 * the primary score is restores/s; the {@code records} secondary score is changelog records restored/s, the number
 * to quote.
 *
 * <pre>bin/runnel-bench StreamsRestoreBenchmark
 * java -jar benchmarks/target/benchmarks.jar StreamsRestoreBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamsRestoreBenchmark {

    /** Records in the changelog (all keys distinct). */
    @Param({"1000000"})
    public int records;

    private StreamsBenchmarkLog log;

    /** Counts restored records. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        /** Changelog records restored. */
        public long records;
    }

    /** Writes each value under its key. */
    static final class Put implements Processor<byte[], byte[], Void, Void> {
        private KeyValueStore<byte[], byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore("table");
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            store.put(record.key(), record.value());
        }
    }

    private static Topology topology() {
        return new Topology()
                .addSource("Source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "input")
                .addProcessor("Put", Put::new, "Source")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("table"),
                        Serdes.ByteArray(), Serdes.ByteArray()), "Put");
    }

    private Properties props() {
        return log.props("restore-bench", 1);
    }

    /** Opens the log, fills the input and processes it once, which writes the changelog. */
    @Setup(Level.Trial)
    public void setUp() {
        log = new StreamsBenchmarkLog("restore");
        log.createTopic("input", 2);
        log.fill("input", records, records);
        try (RunnelStreams streams = new RunnelStreams(topology(), props())) {
            streams.start();
            StreamsBenchmarkLog.awaitCaughtUp(streams, 2);
        }
    }

    /** Closes and deletes the log. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
    }

    /**
     * Full restore of the changelog.
     *
     * @param counters the records counter
     */
    @Benchmark
    public void fullRestore(Counters counters) {
        try (RunnelStreams streams = new RunnelStreams(topology(), props())) {
            streams.cleanUp();
            streams.start();
            long deadline = System.currentTimeMillis() + 600_000;
            while (streams.state() != RunnelStreams.State.RUNNING) {
                if (System.currentTimeMillis() > deadline || streams.state() == RunnelStreams.State.ERROR) {
                    throw new IllegalStateException("Restoration did not finish: " + streams.state());
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            // RUNNING means every task finished restoring; check it
            Map<String, Map<Integer, LagInfo>> lags = streams.allLocalStorePartitionLags();
            if (lags.get("table").values().stream().anyMatch(l -> l.offsetLag() != 0)) {
                throw new IllegalStateException("Running before the store caught up: " + lags);
            }
        }
        counters.records += records;
    }
}
