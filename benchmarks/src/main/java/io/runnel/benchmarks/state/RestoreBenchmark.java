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
 * Restoration rate: batches of 1,000 changelog records (16-byte keys, 100-byte values, all distinct keys) applied
 * through the task state manager, as the runtime does after each restore-consumer poll. Score = records/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RestoreBenchmark {

    static final int BATCH = 1_000;

    @Param({"rocksdb", "in-memory"})
    public String engine;

    private BenchmarkStores stores;
    private int next;
    private final byte[] value = new byte[100];

    @Setup(Level.Trial)
    public void setUp() {
        stores = new BenchmarkStores(Map.of());
        KeyValueStore<byte[], byte[]> store = Stores.keyValueStoreBuilder(engine.equals("rocksdb")
                        ? Stores.persistentKeyValueStore("restore") : Stores.inMemoryKeyValueStore("restore"),
                Serdes.ByteArray(), Serdes.ByteArray()).build();
        store.init(stores.context, store);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stores.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void restoreBatch() {
        List<ChangelogRecord> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(new ChangelogRecord(BenchmarkStores.key(next++), value, next));
        }
        stores.context.restore("restore", batch);
    }
}
