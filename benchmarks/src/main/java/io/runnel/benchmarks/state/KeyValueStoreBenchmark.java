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
 * Key-value store put, get and range scan: RocksDB vs in-memory, caching on and off, 100-byte values, uniformly
 * random keys. With 30,000 keys the working set fits the default 10 MiB record cache (about 8 MiB charged); with
 * 300,000 it does not, and the cache keeps evicting and writing down. Logging is off: the mock context would keep
 * every logged record in memory. Throughput is in operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyValueStoreBenchmark {

    static final int RANGE = 100;

    @Param({"30000", "300000"})
    public int keyCount;

    @Param({"rocksdb", "in-memory"})
    public String engine;

    @Param({"true", "false"})
    public boolean caching;

    private BenchmarkStores stores;
    private KeyValueStore<Bytes, byte[]> store;
    private Bytes[] keys;
    private final byte[] value = new byte[100];
    private long puts;

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

    @TearDown(Level.Trial)
    public void tearDown() {
        stores.close();
    }

    @Benchmark
    public void put() {
        store.put(keys[ThreadLocalRandom.current().nextInt(keyCount)], value);
        if (++puts % 100_000 == 0) {
            stores.context.flush(); // as a commit would
        }
    }

    @Benchmark
    public byte[] get() {
        return store.get(keys[ThreadLocalRandom.current().nextInt(keyCount)]);
    }

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
