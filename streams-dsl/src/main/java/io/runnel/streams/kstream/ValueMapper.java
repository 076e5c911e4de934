package io.runnel.streams.kstream;

/**
 * Maps a value to a new value; the key stays, so the operators using it never repartition. Kafka's
 * {@code ValueMapper}.
 *
 * @param <V>  the value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface ValueMapper<V, VR> {

    /**
     * @param value the value, may be null
     * @return the new value
     */
    VR apply(V value);
}
