package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.SessionBytesStoreSupplier;
import io.runnel.streams.state.SessionStore;

import java.util.Objects;

/**
 * Builds typed → caching → change logging → bytes session stacks.
 *
 * @param <K>   the key type
 * @param <AGG> the aggregate type
 */
public class SessionStoreBuilder<K, AGG> extends AbstractStoreBuilder<K, AGG, SessionStore<K, AGG>> {

    private final SessionBytesStoreSupplier supplier;

    /**
     * @param supplier   the bytes store supplier, not null
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the aggregate serde, or null for the default
     */
    public SessionStoreBuilder(SessionBytesStoreSupplier supplier, Serde<K> keySerde, Serde<AGG> valueSerde) {
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
    public SessionStore<K, AGG> build() {
        SessionStore<Bytes, byte[]> store = supplier.get();
        if (enableLogging) {
            store = new ChangeLoggingSessionBytesStore(store);
        }
        if (enableCaching) {
            store = new CachingSessionStore(store);
        }
        return new TypedSessionStore<>(store, keySerde, valueSerde);
    }
}
