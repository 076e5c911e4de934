package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.TimestampedWindowStore;
import io.runnel.streams.state.ValueAndTimestamp;
import io.runnel.streams.state.WindowStore;

/**
 * The typed facade of a timestamped window store.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TypedTimestampedWindowStore<K, V> extends TypedWindowStore<K, ValueAndTimestamp<V>>
        implements TimestampedWindowStore<K, V> {

    private final Serde<V> plainValueSerde;

    /**
     * @param wrapped    the bytes stack below (timestamped value format)
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the plain value serde, or null for the default
     */
    public TypedTimestampedWindowStore(WindowStore<Bytes, byte[]> wrapped, Serde<K> keySerde, Serde<V> valueSerde) {
        super(wrapped, keySerde, null);
        this.plainValueSerde = valueSerde;
    }

    @Override
    protected Serde<ValueAndTimestamp<V>> prepareValueSerde(Serde<ValueAndTimestamp<V>> given,
                                                            StateStoreContext context) {
        return new ValueAndTimestampSerde<>(SerdeResolver.resolve(plainValueSerde, context, false, name()));
    }
}
