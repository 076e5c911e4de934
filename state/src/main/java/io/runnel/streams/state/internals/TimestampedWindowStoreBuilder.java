package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.state.TimestampedWindowStore;
import io.runnel.streams.state.ValueAndTimestamp;
import io.runnel.streams.state.WindowBytesStoreSupplier;

import java.util.Objects;

/**
 * Builds timestamped window stacks (values stored as timestamp + value).
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TimestampedWindowStoreBuilder<K, V>
        extends AbstractStoreBuilder<K, ValueAndTimestamp<V>, TimestampedWindowStore<K, V>> {

    private final WindowBytesStoreSupplier supplier;
    private final Serde<V> plainValueSerde;

    /**
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the plain value serde, or null for the default
     */
    public TimestampedWindowStoreBuilder(WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        super(Objects.requireNonNull(supplier, "supplier cannot be null").name(), keySerde, null);
        this.supplier = supplier;
        this.plainValueSerde = valueSerde;
    }

    /**
     * @return the store's retention in ms (the runtime gives its changelog {@code retention.ms} = this plus one day,
     *         as Kafka does)
     */
    public long retentionPeriod() {
        return supplier.retentionPeriod();
    }

    @Override
    public TimestampedWindowStore<K, V> build() {
        return new TypedTimestampedWindowStore<>(WindowStoreBuilder.bytesStack(supplier, ValueFormat.TIMESTAMPED,
                enableCaching, enableLogging), keySerde, plainValueSerde);
    }
}
