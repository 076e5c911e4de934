package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.state.KeyValueBytesStoreSupplier;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.SessionBytesStoreSupplier;
import io.runnel.streams.state.SessionStore;
import io.runnel.streams.state.StoreSupplier;
import io.runnel.streams.state.WindowBytesStoreSupplier;
import io.runnel.streams.state.WindowStore;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the state of a KTable or aggregation is kept, as Kafka's {@code Materialized}: the store's name (which makes
 * it queryable through {@code RunnelStreams.store} and names its changelog
 * {@code <application.id>-<name>-changelog}) or its bytes store supplier, key and value serdes (null: the serdes the
 * stream carries, else the defaults), change logging (on by default, with extra topic settings), the record cache
 * (on by default: it thins the updates sent downstream to the latest per key per commit), the retention of window
 * and session stores, and the store type when no supplier is given (null: {@code default.dsl.store}). Immutable.
 *
 * <pre>{@code
 * KTable<String, Long> counts = words.groupByKey()
 *     .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts").withValueSerde(Serdes.Long()));
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the store type ({@code KeyValueStore<Bytes, byte[]>}, {@code WindowStore<Bytes, byte[]>} or
 *            {@code SessionStore<Bytes, byte[]>})
 */
public class Materialized<K, V, S extends StateStore> {

    /** The store types Runnel can create without a supplier, as Kafka's {@code Materialized.StoreType}. */
    public enum StoreType {
        /** RocksDB, persistent. */
        ROCKS_DB,
        /** Memory only; restored from the changelog after a restart. */
        IN_MEMORY
    }

    /** Store name, or null (generated). */
    protected final String storeName;
    /** Bytes store supplier, or null. */
    protected final StoreSupplier<?> storeSupplier;
    /** Key serde, or null. */
    protected final Serde<K> keySerde;
    /** Value serde, or null. */
    protected final Serde<V> valueSerde;
    /** Change logging. */
    protected final boolean loggingEnabled;
    /** Extra changelog topic settings. */
    protected final Map<String, String> topicConfig;
    /** Record cache. */
    protected final boolean cachingEnabled;
    /** Retention of window and session stores, or null (window size plus grace). */
    protected final Duration retention;
    /** Store type, or null ({@code default.dsl.store}). */
    protected final StoreType storeType;

    private Materialized(String storeName, StoreSupplier<?> storeSupplier, Serde<K> keySerde, Serde<V> valueSerde,
                         boolean loggingEnabled, Map<String, String> topicConfig, boolean cachingEnabled,
                         Duration retention, StoreType storeType) {
        this.storeName = storeName;
        this.storeSupplier = storeSupplier;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.loggingEnabled = loggingEnabled;
        this.topicConfig = Map.copyOf(topicConfig);
        this.cachingEnabled = cachingEnabled;
        this.retention = retention;
        this.storeType = storeType;
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param materialized the instance to copy
     */
    protected Materialized(Materialized<K, V, S> materialized) {
        this(materialized.storeName, materialized.storeSupplier, materialized.keySerde, materialized.valueSerde,
                materialized.loggingEnabled, materialized.topicConfig, materialized.cachingEnabled,
                materialized.retention, materialized.storeType);
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param <S>       the store type
     * @param storeName the store's name (queryable under it)
     * @return a {@code Materialized} naming the store
     * @throws NullPointerException     if the name is null
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V, S extends StateStore> Materialized<K, V, S> as(String storeName) {
        return new Materialized<>(Named.validate(storeName), null, null, null, true, Map.of(), true, null, null);
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param <S>       the store type
     * @param storeType the store type of an unnamed store
     * @return a {@code Materialized} choosing the store type
     */
    public static <K, V, S extends StateStore> Materialized<K, V, S> as(StoreType storeType) {
        return new Materialized<>(null, null, null, null, true, Map.of(), true, null,
                Objects.requireNonNull(storeType, "storeType can't be null"));
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param supplier a key-value bytes store supplier (its name is the store's name)
     * @return a {@code Materialized} using the supplier
     */
    public static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> as(KeyValueBytesStoreSupplier supplier) {
        return ofSupplier(supplier);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param supplier a window bytes store supplier (its name is the store's name; its window size must match the
     *                 windows and its retention cover window size plus grace)
     * @return a {@code Materialized} using the supplier
     */
    public static <K, V> Materialized<K, V, WindowStore<Bytes, byte[]>> as(WindowBytesStoreSupplier supplier) {
        return ofSupplier(supplier);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param supplier a session bytes store supplier (its name is the store's name)
     * @return a {@code Materialized} using the supplier
     */
    public static <K, V> Materialized<K, V, SessionStore<Bytes, byte[]>> as(SessionBytesStoreSupplier supplier) {
        return ofSupplier(supplier);
    }

    private static <K, V, S extends StateStore> Materialized<K, V, S> ofSupplier(StoreSupplier<?> supplier) {
        Objects.requireNonNull(supplier, "supplier can't be null");
        return new Materialized<>(Named.validate(supplier.name()), supplier, null, null, true, Map.of(), true, null,
                null);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param <S>        the store type
     * @param keySerde   the key serde, or null
     * @param valueSerde the value serde, or null
     * @return a {@code Materialized} with the serdes and a generated store name (not queryable)
     */
    public static <K, V, S extends StateStore> Materialized<K, V, S> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Materialized<>(null, null, keySerde, valueSerde, true, Map.of(), true, null, null);
    }

    /**
     * @param keySerde the key serde, or null
     * @return a copy with the key serde
     */
    public Materialized<K, V, S> withKeySerde(Serde<K> keySerde) {
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, loggingEnabled, topicConfig,
                cachingEnabled, retention, storeType);
    }

    /**
     * @param valueSerde the value serde, or null
     * @return a copy with the value serde
     */
    public Materialized<K, V, S> withValueSerde(Serde<V> valueSerde) {
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, loggingEnabled, topicConfig,
                cachingEnabled, retention, storeType);
    }

    /**
     * @param config extra settings of the changelog topic (a key-value store's changelog always stays compacted)
     * @return a copy with logging on
     */
    public Materialized<K, V, S> withLoggingEnabled(Map<String, String> config) {
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, true,
                Objects.requireNonNull(config, "config can't be null"), cachingEnabled, retention, storeType);
    }

    /**
     * Turns change logging off: the store is not restored after a failure or a move to another instance.
     *
     * @return a copy with logging off
     */
    public Materialized<K, V, S> withLoggingDisabled() {
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, false, Map.of(), cachingEnabled,
                retention, storeType);
    }

    /** @return a copy with the record cache on (the default) */
    public Materialized<K, V, S> withCachingEnabled() {
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, loggingEnabled, topicConfig, true,
                retention, storeType);
    }

    /**
     * Turns the record cache off: every update is written to the store and sent downstream at once.
     *
     * @return a copy with caching off
     */
    public Materialized<K, V, S> withCachingDisabled() {
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, loggingEnabled, topicConfig, false,
                retention, storeType);
    }

    /**
     * @param retention how long windows or sessions are kept (and queryable) after they start, at least the window
     *                  size plus the grace period; ignored by key-value stores
     * @return a copy with the retention
     * @throws IllegalArgumentException if the retention is negative
     */
    public Materialized<K, V, S> withRetention(Duration retention) {
        Objects.requireNonNull(retention, "retention can't be null");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("Retention must not be negative, got " + retention);
        }
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, loggingEnabled, topicConfig,
                cachingEnabled, retention, storeType);
    }

    /**
     * @param storeType the store type (ignored when a supplier is given)
     * @return a copy with the store type
     */
    public Materialized<K, V, S> withStoreType(StoreType storeType) {
        return new Materialized<>(storeName, storeSupplier, keySerde, valueSerde, loggingEnabled, topicConfig,
                cachingEnabled, retention, Objects.requireNonNull(storeType, "storeType can't be null"));
    }
}
