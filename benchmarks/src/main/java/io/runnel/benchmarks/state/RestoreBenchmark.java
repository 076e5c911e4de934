package io.runnel.benchmarks.state;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.state.KeyValueStore;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Store restoration rate: batches of 1,000 changelog records (13-byte keys, 100-byte values) applied through the
 * task state manager, as the runtime does after each restore-consumer poll (no log, no consumer: see
 * {@code streams.StreamsRestoreBenchmark} for a whole instance). The 1,000 batches (1 million distinct keys) are
 * built before measuring and cycled, so the score is the store's restore path, not record allocation. One
 * invocation restores one batch and counts as 1,000 operations: the score (ops/s) is records/s.
 *
 * <pre>bin/runnel-bench state.RestoreBenchmark
 * java -jar benchmarks/target/benchmarks.jar state.RestoreBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RestoreBenchmark {

    static final int BATCH = 1_000;
    static final int BATCHES = 1_000;

    /** The store engine: {@code rocksdb} or {@code in-memory}. */
    @Param({"rocksdb", "in-memory"})
    public String engine;

    private BenchmarkStores stores;
    private List<List<ChangelogRecord>> batches;
    private int next;

    /** Builds the store and the changelog batches. */
    @Setup(Level.Trial)
    public void setUp() {
        stores = new BenchmarkStores(Map.of());
        KeyValueStore<byte[], byte[]> store = Stores.keyValueStoreBuilder(engine.equals("rocksdb")
                        ? Stores.persistentKeyValueStore("restore") : Stores.inMemoryKeyValueStore("restore"),
                Serdes.ByteArray(), Serdes.ByteArray()).build();
        store.init(stores.context, store);
        byte[] value = new byte[100];
        batches = new ArrayList<>(BATCHES);
        for (int b = 0; b < BATCHES; b++) {
            List<ChangelogRecord> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(new ChangelogRecord(BenchmarkStores.key(b * BATCH + i), value, b));
            }
            batches.add(batch);
        }
    }

    /** Closes the store and deletes its directory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        stores.close();
    }

    /** Restores the next batch of 1,000 records. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void restoreBatch() {
        stores.context.restore("restore", batches.get(next++ % BATCHES));
    }
}
