package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.Produced;
import io.runnel.streams.processor.StreamPartitioner;

/**
 * The compiler's view of {@link Produced}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ProducedInternal<K, V> extends Produced<K, V> {

    /** @param produced the user's object, or null for all defaults */
    public ProducedInternal(Produced<K, V> produced) {
        super(produced == null ? Produced.<K, V>with(null, null) : produced);
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the partitioner, or null */
    public StreamPartitioner<? super K, ? super V> partitioner() {
        return partitioner;
    }

    /** @return the sink name, or null */
    public String name() {
        return processorName;
    }
}
