package io.runnel.streams.kstream.internals;

import io.runnel.streams.processor.api.ProcessingContext;
import io.runnel.streams.state.ValueAndTimestamp;

/**
 * Reads a KTable's current value for a key, from the table's store or computed from an upstream table's store
 * (an unmaterialized filter or mapValues). Joins use getters to look up the other side. One per processor
 * instance; task thread only.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KTableValueGetter<K, V> {

    /**
     * Call from the using processor's {@code init} (the stores must be connected to it).
     *
     * @param context the processor's context
     */
    void init(ProcessingContext context);

    /**
     * @param key the key, not null
     * @return the current value with its timestamp, or null if the table has no row for the key
     */
    ValueAndTimestamp<V> get(K key);
}
