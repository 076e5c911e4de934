package io.runnel.benchmarks.state;

import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueIterator;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Key-value store put, get and range scan: RocksDB vs in-memory, caching on and off, 13-byte keys, 100-byte values,
 * uniformly random keys among {@link #keyCount} (all present). With 30,000 keys the working set fits the default
 * 10 MiB record cache (about 8 MiB charged); with 300,000 it does not, and the cache keeps evicting and writing down.
 * Logging is off: the mock context would keep every logged record in memory. One operation is one {@code put}
 * (with a flush, as a commit would do, every 100,000 puts), one {@code get}, or one record returned by a
 * {@code range} scan of 100 consecutive keys; scores are operations/s (for {@code range}: records/s).
 *
 * <pre>bin/runnel-bench KeyValueStoreBenchmark
 * java -jar benchmarks/target/benchmarks.jar KeyValueStoreBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s -p keyCount=30000</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyValueStoreBenchmark {

    static final int RANGE = 100;

    /** Distinct keys in the store. */
    @Param({"30000", "300000"})
    public int keyCount;

    /** The store engine: {@code rocksdb} or {@code in-memory}. */
    @Param({"rocksdb", "in-memory"})
    public String engine;

    /** Whether the record cache (the instance's 10 MiB default) sits in front of the store. */
    @Param({"true", "false"})
    public boolean caching;

    private BenchmarkStores stores;
    private KeyValueStore<Bytes, byte[]> store;
    private Bytes[] keys;
    private final byte[] value = new byte[100];
    private long puts;

    /** Builds the store and writes every key once. */
    @Setup(Level.Trial)
    public void setUp() {
        stores = new BenchmarkStores(Map.of());
        StoreBuilder<KeyValueStore<Bytes, byte[]>> builder = Stores.keyValueStoreBuilder(
                engine.equals("rocksdb") ? Stores.persistentKeyValueStore("bench") : Stores.inMemoryKeyValueStore("bench"),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled();
        if (caching) {
            builder.withCachingEnabled();
        }
        store = builder.build();
        store.init(stores.context, store);
        keys = new Bytes[keyCount];
        for (int i = 0; i < keyCount; i++) {
            keys[i] = Bytes.wrap(BenchmarkStores.key(i));
            store.put(keys[i], value);
        }
        stores.context.flush();
    }

    /** Closes the store and deletes its directory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        stores.close();
    }

    /** Overwrites a random key. */
    @Benchmark
    public void put() {
        store.put(keys[ThreadLocalRandom.current().nextInt(keyCount)], value);
        if (++puts % 100_000 == 0) {
            stores.context.flush(); // as a commit would
        }
    }

    /** @return the value of a random key */
    @Benchmark
    public byte[] get() {
        return store.get(keys[ThreadLocalRandom.current().nextInt(keyCount)]);
    }

    /**
     * Scans 100 consecutive keys from a random one.
     *
     * @param bh sink of the records
     */
    @Benchmark
    @OperationsPerInvocation(RANGE)
    public void range(Blackhole bh) {
        int from = ThreadLocalRandom.current().nextInt(keyCount - RANGE);
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys[from], keys[from + RANGE - 1])) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                bh.consume(kv);
            }
        }
    }
}
