package io.runnel.streams.state;

import io.runnel.streams.processor.StateStore;

/**
 * A window store, as Kafka's {@code WindowStore}: values per key and window start time, dropped once older than
 * the retention period. Used by one task thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {

    /**
     * Puts the value of a window. With duplicates retained every put adds an entry (and a null value is ignored);
     * otherwise it replaces the window's value and a null value deletes it. A window already past retention is
     * dropped silently (logged at debug), as Kafka does: late records are the caller's policy.
     *
     * @param key                  the key, not null
     * @param value                the value, or null to delete
     * @param windowStartTimestamp the window start in ms
     */
    void put(K key, V value, long windowStartTimestamp);
}
