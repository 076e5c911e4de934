package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.state.StoreSupplier;

import java.time.Duration;
import java.util.Map;

/**
 * The compiler's view of {@link Materialized}, with the store name resolved: the user's, or a stable generated one
 * ({@link InternalStreamsBuilder#newStoreName}).
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the store type
 */
public final class MaterializedInternal<K, V, S extends StateStore> extends Materialized<K, V, S> {

    private final String resolvedName;

    /**
     * @param materialized the user's object, or null for all defaults
     * @param builder      the builder generating names
     * @param storePrefix  Kafka's prefix of the generated store name ({@code KSTREAM-AGGREGATE-STATE-STORE})
     * @param anchor       the operator's stable anchor
     */
    public MaterializedInternal(Materialized<K, V, S> materialized, InternalStreamsBuilder builder, String storePrefix,
                                String anchor) {
        super(materialized == null ? Materialized.<K, V, S>with(null, null) : materialized);
        this.resolvedName = storeName != null ? storeName : builder.newStoreName(storePrefix, anchor);
    }

    /** @return the store's name (given or generated) */
    public String storeName() {
        return resolvedName;
    }

    /** @return the name the user gave (queryable under it), or null */
    public String queryableStoreName() {
        return storeName;
    }

    /** @return the bytes store supplier, or null */
    public StoreSupplier<?> storeSupplier() {
        return storeSupplier;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return true if change logging is on */
    public boolean loggingEnabled() {
        return loggingEnabled;
    }

    /** @return extra changelog settings */
    public Map<String, String> logConfig() {
        return topicConfig;
    }

    /** @return true if the record cache is on */
    public boolean cachingEnabled() {
        return cachingEnabled;
    }

    /** @return the retention, or null */
    public Duration retention() {
        return retention;
    }

    /** @return the store type, or null for {@code default.dsl.store} */
    public StoreType storeType() {
        return storeType;
    }
}
