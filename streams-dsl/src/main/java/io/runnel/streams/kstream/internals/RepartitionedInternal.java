package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.Repartitioned;
import io.runnel.streams.processor.StreamPartitioner;

/**
 * The compiler's view of {@link Repartitioned}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RepartitionedInternal<K, V> extends Repartitioned<K, V> {

    /** @param r the user's object, or null for all defaults */
    public RepartitionedInternal(Repartitioned<K, V> r) {
        super(r == null ? Repartitioned.<K, V>with(null, null) : r);
    }

    /** @return the name, or null */
    public String name() {
        return name;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the partition count, or null */
    public Integer numberOfPartitions() {
        return numberOfPartitions;
    }

    /** @return the partitioner, or null */
    public StreamPartitioner<K, V> partitioner() {
        return partitioner;
    }
}
