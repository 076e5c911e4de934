package io.runnel.streams.kstream;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.KeyValueStore;

/**
 * A stream grouped by key, ready for an aggregation, as Kafka's {@code KGroupedStream}. Every aggregation is
 * stateful (a timestamped key-value store, logged to {@code <application.id>-<store>-changelog}) and first
 * repartitions the stream if it was marked by a key-changing operation (the topic is named after the grouping's
 * name, else after the store). Records with a null key or value are dropped and counted. The result is a
 * {@link KTable} whose updates carry the previous aggregate.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KGroupedStream<K, V> {

    /**
     * Counts records per key. Stateful; may repartition.
     *
     * @return the counts
     */
    KTable<K, Long> count();

    /**
     * As {@link #count()}, with the store's settings (the value serde defaults to {@code Serdes.Long()}).
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
     * Combines the values of each key; the first value is the initial aggregate. Stateful; may repartition.
     *
     * @param reducer combines the aggregate with a value
     * @return the aggregates
     */
    KTable<K, V> reduce(Reducer<V> reducer);

    /**
     * As {@link #reduce(Reducer)}, with the store's settings.
     *
     * @param reducer      combines the aggregate with a value
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #reduce(Reducer)}, with a node name and store settings.
     *
     * @param reducer      combines the aggregate with a value
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<K, V> reduce(Reducer<V> reducer, Named named,
                        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Aggregates the values of each key into a value of another type. Stateful; may repartition.
     *
     * @param <VR>        the aggregate type
     * @param initializer the aggregate of a new key
     * @param aggregator  adds a value to the aggregate
     * @return the aggregates
     */
    <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator);

    /**
     * As {@link #aggregate(Initializer, Aggregator)}, with the store's settings (give a value serde unless the
     * default one fits the aggregate).
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new key
     * @param aggregator   adds a value
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #aggregate(Initializer, Aggregator, Materialized)}, with a node name.
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new key
     * @param aggregator   adds a value
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
                                 Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Aggregates per key and tumbling or hopping time window.
     *
     * @param <W>     the window type
     * @param windows the windows, with their grace period
     * @return the windowed grouping
     */
    <W extends Window> TimeWindowedKStream<K, V> windowedBy(Windows<W> windows);

    /**
     * Aggregates per key and sliding window.
     *
     * @param windows the sliding windows
     * @return the windowed grouping
     */
    TimeWindowedKStream<K, V> windowedBy(SlidingWindows windows);

    /**
     * Aggregates per key and session.
     *
     * @param windows the session windows
     * @return the session-windowed grouping
     */
    SessionWindowedKStream<K, V> windowedBy(SessionWindows windows);
}
