package io.runnel.streams.state;

/**
 * A window store whose values carry the timestamp of their last update; the store of windowed KTables.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TimestampedWindowStore<K, V> extends WindowStore<K, ValueAndTimestamp<V>> {
}
