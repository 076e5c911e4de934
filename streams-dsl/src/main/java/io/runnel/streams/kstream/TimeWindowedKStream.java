package io.runnel.streams.kstream;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.WindowStore;

/**
 * A grouped stream windowed by time ({@link TimeWindows} or {@link SlidingWindows}), as Kafka's
 * {@code TimeWindowedKStream}. Every aggregation is stateful: a timestamped window store keeping each window for at
 * least its size plus the grace period ({@link Materialized#withRetention} may keep it longer, for queries), logged
 * to a compacted and time-limited changelog; it repartitions first if the stream was marked. The result is keyed by
 * {@link Windowed} keys (serialized with Kafka's time-windowed layout). Records later than their windows' grace
 * period are dropped, logged and counted in {@code TaskMetadata.droppedRecords()}; so are records with a null key
 * or value.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TimeWindowedKStream<K, V> {

    /**
     * Counts records per key and window. Stateful; may repartition.
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
    KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #count()}, with a node name and store settings.
     *
     * @param named        the node name
     * @param materialized the store settings
     * @return the counts
     */
    KTable<Windowed<K>, Long> count(Named named, Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized);

    /**
     * Combines the values per key and window. Stateful; may repartition.
     *
     * @param reducer combines the aggregate with a value
     * @return the aggregates
     */
    KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

    /**
     * As {@link #reduce(Reducer)}, with the store's settings.
     *
     * @param reducer      combines the aggregate with a value
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, WindowStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #reduce(Reducer)}, with a node name and store settings.
     *
     * @param reducer      combines the aggregate with a value
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
                                  Materialized<K, V, WindowStore<Bytes, byte[]>> materialized);

    /**
     * Aggregates the values per key and window. Stateful; may repartition.
     *
     * @param <VR>        the aggregate type
     * @param initializer the aggregate of a new window
     * @param aggregator  adds a value
     * @return the aggregates
     */
    <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                           Aggregator<? super K, ? super V, VR> aggregator);

    /**
     * As {@link #aggregate(Initializer, Aggregator)}, with the store's settings.
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new window
     * @param aggregator   adds a value
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                           Aggregator<? super K, ? super V, VR> aggregator,
                                           Materialized<K, VR, WindowStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #aggregate(Initializer, Aggregator, Materialized)}, with a node name.
     *
     * @param <VR>         the aggregate type
     * @param initializer  the aggregate of a new window
     * @param aggregator   adds a value
     * @param named        the node name
     * @param materialized the store settings
     * @return the aggregates
     */
    <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                           Aggregator<? super K, ? super V, VR> aggregator, Named named,
                                           Materialized<K, VR, WindowStore<Bytes, byte[]>> materialized);
}
