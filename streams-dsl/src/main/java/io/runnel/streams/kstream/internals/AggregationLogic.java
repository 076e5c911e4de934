package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Aggregator;
import io.runnel.streams.kstream.Initializer;
import io.runnel.streams.kstream.Reducer;

import java.util.Objects;

/**
 * What count, reduce and aggregate do with one value: add it to a key's (or window's) current aggregate, which is
 * null for a new key. One interface so one processor per aggregation kind serves all three.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VA> the aggregate type
 */
@FunctionalInterface
public interface AggregationLogic<K, V, VA> {

    /**
     * @param key     the key
     * @param value   the value, not null
     * @param current the current aggregate, or null for a new key or window
     * @return the new aggregate
     */
    VA add(K key, V value, VA current);

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return counting
     */
    static <K, V> AggregationLogic<K, V, Long> count() {
        return (k, v, current) -> current == null ? 1L : current + 1L;
    }

    /**
     * @param <K>     the key type
     * @param <V>     the value type
     * @param reducer the reducer
     * @return reducing (the first value is the aggregate)
     */
    static <K, V> AggregationLogic<K, V, V> reduce(Reducer<V> reducer) {
        Objects.requireNonNull(reducer, "reducer can't be null");
        return (k, v, current) -> current == null ? v : reducer.apply(current, v);
    }

    /**
     * @param <K>         the key type
     * @param <V>         the value type
     * @param <VA>        the aggregate type
     * @param initializer the aggregate of a new key
     * @param aggregator  the aggregator
     * @return aggregating
     */
    static <K, V, VA> AggregationLogic<K, V, VA> aggregate(Initializer<VA> initializer,
                                                          Aggregator<? super K, ? super V, VA> aggregator) {
        Objects.requireNonNull(initializer, "initializer can't be null");
        Objects.requireNonNull(aggregator, "aggregator can't be null");
        return (k, v, current) -> aggregator.apply(k, v, current == null ? initializer.apply() : current);
    }
}
