package io.runnel.streams.kstream;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.KeyValueStore;

/**
 * A table re-grouped by a new key ({@link KTable#groupBy}), as Kafka's {@code KGroupedTable}. Every aggregation is
 * stateful (a timestamped key-value store) and always repartitions: each update travels to its old group (to be
 * subtracted) and its new group (to be added), in one record when the group did not change. The subtractor runs
 * before the adder.
 *
 * @param <K> the group key type
 * @param <V> the value type
 */
public interface KGroupedTable<K, V> {

    /**
     * Counts the rows per group. Stateful; repartitions.
     *
     * @return the counts
     */
    KTable<K, Long> count();

    /**
     * As {@link #count()}, with the store's settings.
     *
     * @param materialized the store settings
     * @return the counts
     */
    KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #count()}, with a node name and store settings.
     *
     * @param named        the node name
     * @param materialized the store settings
     * @return the counts
     */
    KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Combines the rows of each group. Stateful; repartitions.
     *
     * @param adder      adds a new row's value
     * @param subtractor removes an old row's value
     * @return the aggregates
     */
    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor);

    /**
     * As {@link #reduce(Reducer, Reducer)}, with the store's settings.
     *
     * @param adder        adds a new row's value
     * @param subtractor   removes an old row's value
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
                        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #reduce(Reducer, Reducer, Materialized)}, with a node name.
     *
     * @param adder        adds a new row's value
     * @param subtractor   removes an old row's value
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Named named,
                        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Aggregates the rows of each group. Stateful; repartitions.
     *
     * @param <VR>        the aggregate type
     * @param initializer the aggregate of a new group
     * @param adder       adds a new row's value
     * @param subtractor  removes an old row's value
     * @return the aggregates
     */
    <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
                                 Aggregator<? super K, ? super V, VR> subtractor);

    /**
     * As {@link #aggregate(Initializer, Aggregator, Aggregator)}, with the store's settings.
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new group
     * @param adder        adds a new row's value
     * @param subtractor   removes an old row's value
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
                                 Aggregator<? super K, ? super V, VR> subtractor,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #aggregate(Initializer, Aggregator, Aggregator, Materialized)}, with a node name.
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new group
     * @param adder        adds a new row's value
     * @param subtractor   removes an old row's value
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
                                 Aggregator<? super K, ? super V, VR> subtractor, Named named,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);
}
