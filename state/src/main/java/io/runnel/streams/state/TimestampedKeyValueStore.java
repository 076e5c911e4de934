package io.runnel.streams.state;

/**
 * A key-value store whose values carry the timestamp of their last update; the store of KTables.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TimestampedKeyValueStore<K, V> extends KeyValueStore<K, ValueAndTimestamp<V>> {
}
