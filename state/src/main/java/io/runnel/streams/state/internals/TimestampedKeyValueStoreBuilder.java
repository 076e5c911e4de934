package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.state.KeyValueBytesStoreSupplier;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

import java.util.Objects;

/**
 * Builds timestamped key-value stacks (values stored as timestamp + value).
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TimestampedKeyValueStoreBuilder<K, V>
        extends AbstractStoreBuilder<K, ValueAndTimestamp<V>, TimestampedKeyValueStore<K, V>> {

    private final KeyValueBytesStoreSupplier supplier;
    private final Serde<V> plainValueSerde;
    private final KeyValueStoreBuilder<K, V> stackBuilder;

    /**
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the plain value serde, or null for the default
     */
    public TimestampedKeyValueStoreBuilder(KeyValueBytesStoreSupplier supplier, Serde<K> keySerde,
                                           Serde<V> valueSerde) {
        super(Objects.requireNonNull(supplier, "supplier cannot be null").name(), keySerde, null);
        this.supplier = supplier;
        this.plainValueSerde = valueSerde;
        this.stackBuilder = new KeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    @Override
    public TimestampedKeyValueStore<K, V> build() {
        stackBuilder.enableCaching = enableCaching;
        stackBuilder.enableLogging = enableLogging;
        return new TypedTimestampedKeyValueStore<>(stackBuilder.bytesStack(supplier, ValueFormat.TIMESTAMPED),
                keySerde, plainValueSerde);
    }
}
