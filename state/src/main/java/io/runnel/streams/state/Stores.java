package io.runnel.streams.state;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.state.internals.KeyValueStoreBuilder;
import io.runnel.streams.state.internals.KeyValueSupplier;
import io.runnel.streams.state.internals.SessionStoreBuilder;
import io.runnel.streams.state.internals.SessionSupplier;
import io.runnel.streams.state.internals.TimestampedKeyValueStoreBuilder;
import io.runnel.streams.state.internals.TimestampedWindowStoreBuilder;
import io.runnel.streams.state.internals.ValueFormat;
import io.runnel.streams.state.internals.WindowStoreBuilder;
import io.runnel.streams.state.internals.WindowSupplier;

import java.time.Duration;
import java.util.Objects;

/**
 * The factory of state stores, as Kafka's {@code Stores}: suppliers of bytes stores (RocksDB or in memory) and
 * builders that stack the typed facade, caching and change logging on them.
 *
 * <pre>{@code
 * StoreBuilder<KeyValueStore<String, Long>> counts = Stores
 *     .keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"), Serdes.String(), Serdes.Long())
 *     .withCachingEnabled();
 * }</pre>
 *
 * Window and session segments are {@code max(retention / 2, 60 s)} long, as in Kafka.
 */
public final class Stores {

    /** Minimum segment interval in ms. */
    static final long MIN_SEGMENT_INTERVAL_MS = 60_000L;

    private Stores() {
    }

    /**
     * @param name the store name, not null
     * @return a supplier of RocksDB key-value stores
     */
    public static KeyValueBytesStoreSupplier persistentKeyValueStore(String name) {
        return new KeyValueSupplier(requireName(name), KeyValueSupplier.Kind.ROCKSDB, ValueFormat.PLAIN, 0);
    }

    /**
     * @param name the store name, not null
     * @return a supplier of RocksDB key-value stores holding timestamped values (for KTables)
     */
    public static KeyValueBytesStoreSupplier persistentTimestampedKeyValueStore(String name) {
        return new KeyValueSupplier(requireName(name), KeyValueSupplier.Kind.ROCKSDB, ValueFormat.TIMESTAMPED, 0);
    }

    /**
     * @param name the store name, not null
     * @return a supplier of sorted in-memory key-value stores
     */
    public static KeyValueBytesStoreSupplier inMemoryKeyValueStore(String name) {
        return new KeyValueSupplier(requireName(name), KeyValueSupplier.Kind.IN_MEMORY, ValueFormat.PLAIN, 0);
    }

    /**
     * @param name          the store name, not null
     * @param maxCacheSize  the maximum number of entries, positive
     * @return a supplier of in-memory stores that evict the least recently used entry beyond the maximum (the
     *         eviction is logged as a delete when logging is on)
     * @throws IllegalArgumentException if {@code maxCacheSize} is not positive
     */
    public static KeyValueBytesStoreSupplier lruMap(String name, int maxCacheSize) {
        if (maxCacheSize <= 0) {
            throw new IllegalArgumentException("maxCacheSize cannot be negative or zero, got " + maxCacheSize);
        }
        return new KeyValueSupplier(requireName(name), KeyValueSupplier.Kind.LRU, ValueFormat.PLAIN, maxCacheSize);
    }

    /**
     * @param name             the store name, not null
     * @param retentionPeriod  how long windows are kept after their start (relative to stream time); at least the
     *                         window size
     * @param windowSize       the window size
     * @param retainDuplicates whether every put is kept (stream-stream joins)
     * @return a supplier of RocksDB window stores
     * @throws IllegalArgumentException if a duration is negative or the retention is smaller than the window
     */
    public static WindowBytesStoreSupplier persistentWindowStore(String name, Duration retentionPeriod,
                                                                 Duration windowSize, boolean retainDuplicates) {
        return window(name, retentionPeriod, windowSize, retainDuplicates, true, ValueFormat.PLAIN);
    }

    /**
     * @param name             the store name, not null
     * @param retentionPeriod  retention, at least the window size
     * @param windowSize       the window size
     * @param retainDuplicates whether every put is kept
     * @return a supplier of RocksDB window stores holding timestamped values
     * @throws IllegalArgumentException if a duration is negative or the retention is smaller than the window
     */
    public static WindowBytesStoreSupplier persistentTimestampedWindowStore(String name, Duration retentionPeriod,
                                                                            Duration windowSize,
                                                                            boolean retainDuplicates) {
        return window(name, retentionPeriod, windowSize, retainDuplicates, true, ValueFormat.TIMESTAMPED);
    }

    /**
     * @param name             the store name, not null
     * @param retentionPeriod  retention, at least the window size
     * @param windowSize       the window size
     * @param retainDuplicates whether every put is kept
     * @return a supplier of in-memory window stores
     * @throws IllegalArgumentException if a duration is negative or the retention is smaller than the window
     */
    public static WindowBytesStoreSupplier inMemoryWindowStore(String name, Duration retentionPeriod,
                                                               Duration windowSize, boolean retainDuplicates) {
        return window(name, retentionPeriod, windowSize, retainDuplicates, false, ValueFormat.PLAIN);
    }

    /**
     * @param name            the store name, not null
     * @param retentionPeriod how long sessions are kept after their end (relative to stream time), not negative
     * @return a supplier of RocksDB session stores
     * @throws IllegalArgumentException if the retention is negative
     */
    public static SessionBytesStoreSupplier persistentSessionStore(String name, Duration retentionPeriod) {
        return session(name, retentionPeriod, true);
    }

    /**
     * @param name            the store name, not null
     * @param retentionPeriod how long sessions are kept after their end, not negative
     * @return a supplier of in-memory session stores
     * @throws IllegalArgumentException if the retention is negative
     */
    public static SessionBytesStoreSupplier inMemorySessionStore(String name, Duration retentionPeriod) {
        return session(name, retentionPeriod, false);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for {@code default.key.serde}
     * @param valueSerde the value serde, or null for {@code default.value.serde}
     * @return a builder (logging on, caching off)
     */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueStoreBuilder(KeyValueBytesStoreSupplier supplier,
                                                                               Serde<K> keySerde,
                                                                               Serde<V> valueSerde) {
        return new KeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the plain value type
     * @param supplier   the bytes store supplier, not null (Runnel's suppliers store timestamped values when built
     *                   here; another supplier must hold timestamp + value bytes itself)
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the plain value serde, or null for the default
     * @return a builder (logging on, caching off)
     */
    public static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> timestampedKeyValueStoreBuilder(
            KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        return new TimestampedKeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @return a builder (logging on, caching off)
     */
    public static <K, V> StoreBuilder<WindowStore<K, V>> windowStoreBuilder(WindowBytesStoreSupplier supplier,
                                                                           Serde<K> keySerde, Serde<V> valueSerde) {
        return new WindowStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the plain value type
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the plain value serde, or null for the default
     * @return a builder (logging on, caching off)
     */
    public static <K, V> StoreBuilder<TimestampedWindowStore<K, V>> timestampedWindowStoreBuilder(
            WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        return new TimestampedWindowStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the aggregate type
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the aggregate serde, or null for the default
     * @return a builder (logging on, caching off)
     */
    public static <K, V> StoreBuilder<SessionStore<K, V>> sessionStoreBuilder(SessionBytesStoreSupplier supplier,
                                                                             Serde<K> keySerde, Serde<V> valueSerde) {
        return new SessionStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    private static String requireName(String name) {
        return Objects.requireNonNull(name, "name cannot be null");
    }

    private static long millis(Duration d, String what) {
        Objects.requireNonNull(d, what + " cannot be null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " cannot be negative, got " + d);
        }
        return d.toMillis();
    }

    private static WindowBytesStoreSupplier window(String name, Duration retention, Duration size,
                                                   boolean retainDuplicates, boolean persistent, ValueFormat format) {
        requireName(name);
        long retentionMs = millis(retention, "retentionPeriod");
        long sizeMs = millis(size, "windowSize");
        if (sizeMs == 0) {
            throw new IllegalArgumentException("windowSize must be positive, got 0 ms (store " + name + ")");
        }
        if (retentionMs < sizeMs) {
            throw new IllegalArgumentException("The retention period of the window store " + name
                    + " must be no smaller than its window size. Got size=[" + sizeMs + "], retention=["
                    + retentionMs + "]");
        }
        return new WindowSupplier(name, retentionMs, Math.max(retentionMs / 2, MIN_SEGMENT_INTERVAL_MS), sizeMs,
                retainDuplicates, persistent, format);
    }

    private static SessionBytesStoreSupplier session(String name, Duration retention, boolean persistent) {
        requireName(name);
        long retentionMs = millis(retention, "retentionPeriod");
        return new SessionSupplier(name, retentionMs, Math.max(retentionMs / 2, MIN_SEGMENT_INTERVAL_MS), persistent);
    }
}
