package io.runnel.streams.kstream;

/**
 * Maps a value to a new value, reading (never changing) the key. Kafka's {@code ValueMapperWithKey}. The key must
 * be treated as read-only: changing a mutable key object corrupts partitioning and state.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface ValueMapperWithKey<K, V, VR> {

    /**
     * @param readOnlyKey the key, may be null
     * @param value       the value, may be null
     * @return the new value
     */
    VR apply(K readOnlyKey, V value);
}
