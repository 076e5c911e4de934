package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.streams.Topology.AutoOffsetReset;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.processor.TimestampExtractor;

/**
 * The compiler's view of {@link Consumed}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ConsumedInternal<K, V> extends Consumed<K, V> {

    /** @param consumed the user's object, or null for all defaults */
    public ConsumedInternal(Consumed<K, V> consumed) {
        super(consumed == null ? Consumed.<K, V>with(null, null) : consumed);
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the key deserializer, or null */
    public Deserializer<K> keyDeserializer() {
        return keySerde == null ? null : keySerde.deserializer();
    }

    /** @return the value deserializer, or null */
    public Deserializer<V> valueDeserializer() {
        return valueSerde == null ? null : valueSerde.deserializer();
    }

    /** @return the extractor, or null */
    public TimestampExtractor timestampExtractor() {
        return timestampExtractor;
    }

    /** @return the reset policy, or null */
    public AutoOffsetReset offsetResetPolicy() {
        return resetPolicy;
    }

    /** @return the source node name, or null */
    public String name() {
        return processorName;
    }
}
