package io.runnel.streams.state.internals;

/**
 * Receives what a caching store writes down when its cache is flushed (on commit) or evicts: only the latest value
 * per key since the last flush, which is how KTables thin their updates. Kafka's {@code CacheFlushListener}.
 * Called on the task's thread, in the order the keys were last written.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface CacheFlushListener<K, V> {

    /**
     * @param key       the key
     * @param newValue  the latest value, or null if deleted
     * @param oldValue  the value the store held before this flush (only if old values were requested; else null)
     * @param timestamp the timestamp (ms) of the record that last wrote the key
     */
    void apply(K key, V newValue, V oldValue, long timestamp);
}
