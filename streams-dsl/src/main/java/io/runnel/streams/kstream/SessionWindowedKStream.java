package io.runnel.streams.kstream;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.SessionStore;

/**
 * A grouped stream windowed by sessions ({@link SessionWindows}), as Kafka's {@code SessionWindowedKStream}. Every
 * aggregation is stateful (a session store, logged) and may repartition. When a record joins two sessions their
 * aggregates are merged and the old sessions are deleted downstream (a {@code null} update for each). Records later
 * than a session's gap plus grace period are dropped and counted, as are null keys and values.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface SessionWindowedKStream<K, V> {

    /**
     * Counts records per key and session. Stateful; may repartition.
     *
     * @return the counts
     */
    KTable<Windowed<K>, Long> count();

    /**
     * As {@link #count()}, with the store's settings.
     *
     * @param materialized the store settings
     * @return the counts
     */
    KTable<Windowed<K>, Long> count(Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #count()}, with a node name and store settings.
     *
     * @param named        the node name
     * @param materialized the store settings
     * @return the counts
     */
    KTable<Windowed<K>, Long> count(Named named, Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized);

    /**
     * Combines the values per key and session (merged sessions are reduced together). Stateful; may repartition.
     *
     * @param reducer combines two aggregates or an aggregate and a value
     * @return the aggregates
     */
    KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

    /**
     * As {@link #reduce(Reducer)}, with the store's settings.
     *
     * @param reducer      combines two aggregates or an aggregate and a value
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, SessionStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #reduce(Reducer)}, with a node name and store settings.
     *
     * @param reducer      combines two aggregates or an aggregate and a value
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
                                  Materialized<K, V, SessionStore<Bytes, byte[]>> materialized);

    /**
     * Aggregates the values per key and session. Stateful; may repartition.
     *
     * @param <VR>        the aggregate type
     * @param initializer the aggregate of a new session
     * @param aggregator  adds a value
     * @param merger      merges the aggregates of two sessions a record connects
     * @return the aggregates
     */
    <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                           Aggregator<? super K, ? super V, VR> aggregator,
                                           Merger<? super K, VR> merger);

    /**
     * As {@link #aggregate(Initializer, Aggregator, Merger)}, with the store's settings.
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new session
     * @param aggregator   adds a value
     * @param merger       merges two sessions' aggregates
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                           Aggregator<? super K, ? super V, VR> aggregator,
                                           Merger<? super K, VR> merger,
                                           Materialized<K, VR, SessionStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #aggregate(Initializer, Aggregator, Merger, Materialized)}, with a node name.
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new session
     * @param aggregator   adds a value
     * @param merger       merges two sessions' aggregates
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                           Aggregator<? super K, ? super V, VR> aggregator,
                                           Merger<? super K, VR> merger, Named named,
                                           Materialized<K, VR, SessionStore<Bytes, byte[]>> materialized);
}
