package io.runnel.streams.kstream;

/**
 * Combines the values of two joined records, reading (never changing) the join key. Kafka's
 * {@code ValueJoinerWithKey}.
 *
 * @param <K1> the key type
 * @param <V1> the left value type
 * @param <V2> the right value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface ValueJoinerWithKey<K1, V1, V2, VR> {

    /**
     * @param readOnlyKey the join key (for a GlobalKTable join: the stream record's key), may be null in left joins
     * @param value1      the left value, null in an outer join without a left match
     * @param value2      the right value, null in a left or outer join without a right match
     * @return the join result
     */
    VR apply(K1 readOnlyKey, V1 value1, V2 value2);
}
