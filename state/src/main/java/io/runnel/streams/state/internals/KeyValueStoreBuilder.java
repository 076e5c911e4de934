package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.KeyValueBytesStoreSupplier;
import io.runnel.streams.state.KeyValueStore;

import java.util.Objects;

/**
 * Builds typed → caching → change logging → bytes key-value stacks.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KeyValueStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, KeyValueStore<K, V>> {

    private final KeyValueBytesStoreSupplier supplier;

    /**
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for {@code default.key.serde}
     * @param valueSerde the value serde, or null for {@code default.value.serde}
     */
    public KeyValueStoreBuilder(KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        super(Objects.requireNonNull(supplier, "supplier cannot be null").name(), keySerde, valueSerde);
        this.supplier = supplier;
    }

    @Override
    public KeyValueStore<K, V> build() {
        return new TypedKeyValueStore<>(bytesStack(supplier, ValueFormat.PLAIN), keySerde, valueSerde);
    }

    /**
     * @param supplier the supplier
     * @param format   the value format
     * @return caching → logging → bytes, as switched on
     */
    @SuppressWarnings("unchecked") // FormatAwareSupplier of a KeyValueBytesStoreSupplier supplies the same store type
    KeyValueStore<Bytes, byte[]> bytesStack(KeyValueBytesStoreSupplier supplier, ValueFormat format) {
        KeyValueStore<Bytes, byte[]> store = supplier instanceof FormatAwareSupplier<?> aware
                ? ((FormatAwareSupplier<KeyValueStore<Bytes, byte[]>>) aware).get(format) : supplier.get();
        if (enableLogging) {
            store = new ChangeLoggingKeyValueBytesStore(store, format);
        }
        if (enableCaching) {
            store = new CachingKeyValueStore(store);
        }
        return store;
    }
}
