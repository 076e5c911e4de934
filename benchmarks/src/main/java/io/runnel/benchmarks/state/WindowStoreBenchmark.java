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
 * windows: RocksDB vs in-memory, caching on and off. 10,000 keys of 13 bytes, 100-byte values, 1-minute windows,
 * 1-hour retention; the store starts with 20 windows of every key. One operation is one {@code put} (stream time
 * moves 6 s forward every 10,000 puts on average; a flush every 100,000 puts) or one {@code fetch} of one random
 * key over the last 10 windows (about 10 records); scores are operations/s.
 *
 * <pre>bin/runnel-bench WindowStoreBenchmark
 * java -jar benchmarks/target/benchmarks.jar WindowStoreBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WindowStoreBenchmark {

    static final int KEYS = 10_000;
    static final long WINDOW = 60_000;

    /** The store engine: {@code rocksdb} or {@code in-memory}. */
    @Param({"rocksdb", "in-memory"})
    public String engine;

    /** Whether the record cache (the instance's 10 MiB default) sits in front of the store. */
    @Param({"true", "false"})
    public boolean caching;

    private BenchmarkStores stores;
    private WindowStore<Bytes, byte[]> store;
    private Bytes[] keys;
    private final byte[] value = new byte[100];
    private long time;
    private long puts;

    /** Builds the store and writes 20 windows of every key. */
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

    /** Closes the store and deletes its directory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        stores.close();
    }

    /** Puts a random key into the current window. */
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

    /**
     * Fetches a random key over the last 10 windows.
     *
     * @param bh sink of the records
     */
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
