package io.runnel.streams.kstream;

/**
 * Combines the values of two joined records into the join result. Kafka's {@code ValueJoiner}. In left and outer
 * joins the missing side is passed as null.
 *
 * @param <V1> the left value type
 * @param <V2> the right value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface ValueJoiner<V1, V2, VR> {

    /**
     * @param value1 the left value, null in an outer join without a left match
     * @param value2 the right value, null in a left or outer join without a right match
     * @return the join result (a null result from a KTable join is a delete)
     */
    VR apply(V1 value1, V2 value2);
}
