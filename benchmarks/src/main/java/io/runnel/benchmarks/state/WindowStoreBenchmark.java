package io.runnel.benchmarks.state;

import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.Stores;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;
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
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Window store put (advancing stream time, so segments roll and expire) and single-key fetch over the last 10
 * windows: RocksDB vs in-memory, caching on and off. 10,000 keys, 1-minute windows, 1-hour retention.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WindowStoreBenchmark {

    static final int KEYS = 10_000;
    static final long WINDOW = 60_000;

    @Param({"rocksdb", "in-memory"})
    public String engine;

    @Param({"true", "false"})
    public boolean caching;

    private BenchmarkStores stores;
    private WindowStore<Bytes, byte[]> store;
    private Bytes[] keys;
    private final byte[] value = new byte[100];
    private long time;
    private long puts;

    @Setup(Level.Trial)
    public void setUp() {
        stores = new BenchmarkStores(Map.of());
        var supplier = engine.equals("rocksdb")
                ? Stores.persistentWindowStore("win", Duration.ofHours(1), Duration.ofMillis(WINDOW), false)
                : Stores.inMemoryWindowStore("win", Duration.ofHours(1), Duration.ofMillis(WINDOW), false);
        var builder = Stores.windowStoreBuilder(supplier, Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled();
        if (caching) {
            builder.withCachingEnabled();
        }
        store = builder.build();
        store.init(stores.context, store);
        keys = new Bytes[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = Bytes.wrap(BenchmarkStores.key(i));
        }
        for (int w = 0; w < 20; w++) {
            for (int i = 0; i < KEYS; i++) {
                store.put(keys[i], value, w * WINDOW);
            }
        }
        time = 20 * WINDOW;
        stores.context.flush();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stores.close();
    }

    @Benchmark
    public void put() {
        int k = ThreadLocalRandom.current().nextInt(KEYS);
        if (k == 0) {
            time += WINDOW / 10;
        }
        store.put(keys[k], value, time - time % WINDOW);
        if (++puts % 100_000 == 0) {
            stores.context.flush();
        }
    }

    @Benchmark
    public void fetch(Blackhole bh) {
        try (WindowStoreIterator<byte[]> it = store.fetch(keys[ThreadLocalRandom.current().nextInt(KEYS)],
                time - 10 * WINDOW, time)) {
            while (it.hasNext()) {
                bh.consume(it.next());
            }
        }
    }
}
