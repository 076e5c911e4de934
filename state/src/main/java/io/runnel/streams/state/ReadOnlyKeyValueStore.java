package io.runnel.streams.state;

import io.runnel.common.serialization.Serializer;

/**
 * Reads of a key-value store, as Kafka's {@code ReadOnlyKeyValueStore}. Ranges are ordered by the serialized key
 * bytes (unsigned lexicographic, as RocksDB orders them), which is not the natural order of every key type (for
 * example negative integers sort after positive ones).
 *
 * <p>Keys must not be null: every method throws {@link NullPointerException} with a message for a null key.
 * Range bounds may be null, meaning unbounded. A range whose {@code from} is greater than its {@code to} is empty.
 * Every method throws {@link io.runnel.streams.errors.InvalidStateStoreException} once the store is closed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ReadOnlyKeyValueStore<K, V> {

    /**
     * @param key the key, not null
     * @return the value, or null if absent
     */
    V get(K key);

    /**
     * @param from first key (inclusive), or null for the first key of the store
     * @param to   last key (inclusive), or null for the last key of the store
     * @return the entries in ascending key order; must be closed
     */
    KeyValueIterator<K, V> range(K from, K to);

    /**
     * @param from first key (inclusive), or null for unbounded
     * @param to   last key (inclusive), or null for unbounded
     * @return the same entries as {@link #range} in descending key order; must be closed
     */
    KeyValueIterator<K, V> reverseRange(K from, K to);

    /** @return every entry in ascending key order; must be closed */
    KeyValueIterator<K, V> all();

    /** @return every entry in descending key order; must be closed */
    KeyValueIterator<K, V> reverseAll();

    /**
     * @param <PS>             the prefix type
     * @param <P>              the serializer type
     * @param prefix           the prefix, not null
     * @param prefixSerializer serializes the prefix to the bytes every returned key starts with
     * @return the entries whose serialized key starts with the serialized prefix, ascending; must be closed
     */
    <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixSerializer);

    /**
     * @return an estimate of the number of entries (RocksDB's {@code rocksdb.estimate-num-keys}); exact for
     *         in-memory stores; may overflow to {@code Long.MAX_VALUE}
     */
    long approximateNumEntries();
}
