package io.runnel.streams.kstream;

/**
 * Combines two values of one key into one of the same type: {@code reduce} (and, for KTables, the adder and the
 * subtractor). Kafka's {@code Reducer}. The first value of a key becomes the aggregate without a call.
 *
 * @param <V> the value type
 */
@FunctionalInterface
public interface Reducer<V> {

    /**
     * @param value1 the current aggregate, not null
     * @param value2 the new value (or, for a KTable subtractor, the value to remove), not null
     * @return the new aggregate; a null result from a KTable reduce deletes the key
     */
    V apply(V value1, V value2);
}
