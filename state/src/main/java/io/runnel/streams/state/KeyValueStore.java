package io.runnel.streams.state;

import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.StateStore;

import java.util.List;

/**
 * A key-value store, as Kafka's {@code KeyValueStore}. A null value deletes the key. Used by one task thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {

    /**
     * @param key   the key, not null
     * @param value the value, or null to delete
     * @throws NullPointerException if the key is null
     */
    void put(K key, V value);

    /**
     * @param key   the key, not null
     * @param value the value, or null (which deletes nothing when the key is absent)
     * @return the existing value (and nothing is written), or null if the key was absent and was written
     */
    V putIfAbsent(K key, V value);

    /**
     * @param entries entries to put in order; null values delete
     * @throws NullPointerException if any key is null (entries before it are written)
     */
    void putAll(List<KeyValue<K, V>> entries);

    /**
     * @param key the key, not null
     * @return the old value, or null if absent
     */
    V delete(K key);
}
