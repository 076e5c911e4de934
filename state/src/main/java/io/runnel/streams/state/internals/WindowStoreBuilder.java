package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.WindowBytesStoreSupplier;
import io.runnel.streams.state.WindowStore;

import java.util.Objects;

/**
 * Builds typed → caching → change logging → bytes window stacks. Caching is ignored (with a warning) when the
 * supplier retains duplicates, as in Kafka: a cache keeps one value per window.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class WindowStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, WindowStore<K, V>> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WindowStoreBuilder.class);

    private final WindowBytesStoreSupplier supplier;

    /**
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     */
    public WindowStoreBuilder(WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        super(Objects.requireNonNull(supplier, "supplier cannot be null").name(), keySerde, valueSerde);
        this.supplier = supplier;
    }

    /**
     * @return the store's retention in ms (the runtime gives its changelog {@code retention.ms} = this plus one day,
     *         as Kafka does)
     */
    public long retentionPeriod() {
        return supplier.retentionPeriod();
    }

    @Override
    public WindowStore<K, V> build() {
        return new TypedWindowStore<>(bytesStack(supplier, ValueFormat.PLAIN, enableCaching, enableLogging),
                keySerde, valueSerde);
    }

    @SuppressWarnings("unchecked") // FormatAwareSupplier of a WindowBytesStoreSupplier supplies the same store type
    static WindowStore<Bytes, byte[]> bytesStack(WindowBytesStoreSupplier supplier, ValueFormat format,
                                                 boolean caching, boolean logging) {
        WindowStore<Bytes, byte[]> store = supplier instanceof FormatAwareSupplier<?> aware
                ? ((FormatAwareSupplier<WindowStore<Bytes, byte[]>>) aware).get(format) : supplier.get();
        if (logging) {
            store = new ChangeLoggingWindowBytesStore(store, format, supplier.retainDuplicates());
        }
        if (caching) {
            if (supplier.retainDuplicates()) {
                LOG.warn("Disabling caching for window store {}: it retains duplicates, which a cache cannot hold",
                        supplier.name());
            } else {
                store = new CachingWindowStore(store, supplier.windowSize());
            }
        }
        return store;
    }
}
