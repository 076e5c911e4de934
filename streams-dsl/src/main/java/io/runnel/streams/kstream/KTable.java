package io.runnel.streams.kstream;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueStore;

import java.util.function.Function;

/**
 * A changelog stream seen as a table, as Kafka's {@code KTable}: each record upserts its key, a record with a null
 * value (a tombstone) deletes it. Created by {@code StreamsBuilder.table}, {@code KStream.toTable} or an
 * aggregation. Updates travel downstream with the value they replace, so aggregations over a table can subtract
 * and joins can retract.
 *
 * <p><b>Which updates are emitted.</b> Every update is sent downstream unless thinned: a materialized table's
 * record cache (on by default, {@code statestore.cache.max.bytes}) sends only the latest value per key per commit,
 * and {@link #suppress} holds updates back. An update that changes nothing visible (a tombstone for a missing key,
 * a filtered-out value replacing a filtered-out value) is not sent.
 *
 * <p><b>Cost.</b> Each method says whether it is stateful and whether it may repartition. Tables read from topics
 * and tables produced by aggregations, {@code toTable} and joins with a {@link Materialized} have a store (queryable
 * under the {@link Materialized} name); stateless operations without one read through to the nearest store when a
 * join needs their values.
 *
 * <p>Not thread-safe: build the topology on one thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KTable<K, V> {

    /**
     * Keeps the rows satisfying the predicate; a row that stops satisfying it is deleted downstream. Stateless
     * (unless materialized); never repartitions.
     *
     * @param predicate the test
     * @return the filtered table
     */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate);

    /**
     * As {@link #filter(Predicate)}, with a node name.
     *
     * @param predicate the test
     * @param named     the node name
     * @return the filtered table
     */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * As {@link #filter(Predicate)}, materialized in a store (stateful, queryable).
     *
     * @param predicate    the test
     * @param materialized the store settings
     * @return the filtered table
     */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
                        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Drops the rows satisfying the predicate. Stateless (unless materialized); never repartitions.
     *
     * @param predicate the test
     * @return the filtered table
     */
    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate);

    /**
     * As {@link #filterNot(Predicate)}, with a node name.
     *
     * @param predicate the test
     * @param named     the node name
     * @return the filtered table
     */
    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * As {@link #filterNot(Predicate)}, materialized in a store.
     *
     * @param predicate    the test
     * @param materialized the store settings
     * @return the filtered table
     */
    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate,
                           Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Maps every row's value (deletes stay deletes). Stateless (unless materialized); never repartitions.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @return the mapped table
     */
    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

    /**
     * As {@link #mapValues(ValueMapper)}, with a node name.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @param named  the node name
     * @return the mapped table
     */
    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

    /**
     * As {@link #mapValues(ValueMapper)}, materialized in a store.
     *
     * @param <VR>         the new value type
     * @param mapper       computes the new value
     * @param materialized the store settings
     * @return the mapped table
     */
    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Maps every row's value, reading the key. Stateless (unless materialized); never repartitions.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @return the mapped table
     */
    <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

    /**
     * As {@link #mapValues(ValueMapperWithKey)}, with a node name.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @param named  the node name
     * @return the mapped table
     */
    <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named);

    /**
     * As {@link #mapValues(ValueMapperWithKey)}, materialized in a store.
     *
     * @param <VR>         the new value type
     * @param mapper       computes the new value
     * @param materialized the store settings
     * @return the mapped table
     */
    <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * The table's updates as a stream of records (a delete becomes a record with a null value). Stateless; never
     * repartitions.
     *
     * @return the update stream
     */
    KStream<K, V> toStream();

    /**
     * As {@link #toStream()}, with a node name.
     *
     * @param named the node name
     * @return the update stream
     */
    KStream<K, V> toStream(Named named);

    /**
     * The table's updates as a stream with new keys. Stateless; marks the stream for repartitioning.
     *
     * @param <KR>   the new key type
     * @param mapper computes the new key
     * @return the update stream
     */
    <KR> KStream<KR, V> toStream(KeyValueMapper<? super K, ? super V, ? extends KR> mapper);

    /**
     * Holds updates back (final results of windows, or at most one update per key per time limit). Stateful (a
     * logged buffer store); never repartitions.
     *
     * @param suppressed how to suppress
     * @return the suppressed table
     * @throws IllegalArgumentException if {@link Suppressed#untilWindowCloses} is used on a table that is not the
     *                                  result of a windowed aggregation
     */
    KTable<K, V> suppress(Suppressed<? super K> suppressed);

    // ------------------------------------------------------------------------------------------- table-table joins

    /**
     * Inner join with another table on the key: a row exists where both tables have one, with value
     * {@code joiner(thisValue, otherValue)} and the larger of the two timestamps; updates of either side update the
     * result. Stateless unless materialized (reads both sides' stores); never repartitions; the two tables must be
     * co-partitioned.
     *
     * @param <VO>   the other value type
     * @param <VR>   the result type
     * @param other  the other table
     * @param joiner computes the result
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * As {@link #join(KTable, ValueJoiner)}, materialized in a store.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other table
     * @param joiner       computes the result
     * @param materialized the store settings
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #join(KTable, ValueJoiner)}, with a node name and an optional store.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other table
     * @param joiner       computes the result
     * @param named        the node name
     * @param materialized the store settings, or null
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Left join with another table: a row exists where this table has one, with
     * {@code joiner(thisValue, otherValueOrNull)}. Stateless unless materialized; never repartitions; requires
     * co-partitioning.
     *
     * @param <VO>   the other value type
     * @param <VR>   the result type
     * @param other  the other table
     * @param joiner computes the result
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * As {@link #leftJoin(KTable, ValueJoiner)}, materialized in a store.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other table
     * @param joiner       computes the result
     * @param materialized the store settings
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #leftJoin(KTable, ValueJoiner)}, with a node name and an optional store.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other table
     * @param joiner       computes the result
     * @param named        the node name
     * @param materialized the store settings, or null
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Outer join with another table: a row exists where either table has one, with
     * {@code joiner(thisValueOrNull, otherValueOrNull)}. Stateless unless materialized; never repartitions;
     * requires co-partitioning.
     *
     * @param <VO>   the other value type
     * @param <VR>   the result type
     * @param other  the other table
     * @param joiner computes the result
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * As {@link #outerJoin(KTable, ValueJoiner)}, materialized in a store.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other table
     * @param joiner       computes the result
     * @param materialized the store settings
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                     Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #outerJoin(KTable, ValueJoiner)}, with a node name and an optional store.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other table
     * @param joiner       computes the result
     * @param named        the node name
     * @param materialized the store settings, or null
     * @return the joined table
     */
    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                     Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    // ------------------------------------------------------------------------------------------- foreign-key joins

    /**
     * Foreign-key inner join: each row of this table joins the other table's row whose key
     * {@code foreignKeyExtractor} extracts from this row's value; the result keeps this table's key, with
     * {@code joiner(thisValue, otherValue)} and the larger timestamp. Updates on either side update the result.
     * Stateful (a subscription store on the other table's side, and the result's store); repartitions through two
     * internal topics (subscriptions to the other table's partitions, responses back), so the tables need not be
     * co-partitioned.
     *
     * @param <VR>                the result type
     * @param <KO>                the other table's key type
     * @param <VO>                the other table's value type
     * @param other               the other table
     * @param foreignKeyExtractor extracts the other table's key; a null key means no match
     * @param joiner              computes the result
     * @return the joined table
     */
    <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                    ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * As {@link #join(KTable, Function, ValueJoiner)}, with partitioners, a name and the result's store settings.
     *
     * @param <VR>                the result type
     * @param <KO>                the other table's key type
     * @param <VO>                the other table's value type
     * @param other               the other table
     * @param foreignKeyExtractor extracts the other table's key
     * @param joiner              computes the result
     * @param tableJoined         partitioners and name, or null
     * @param materialized        the result's store settings, or null
     * @return the joined table
     */
    <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                    ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    TableJoined<K, KO> tableJoined,
                                    Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Foreign-key left join: as the inner join, and rows without a match (or with a null foreign key) produce
     * {@code joiner(thisValue, null)}.
     *
     * @param <VR>                the result type
     * @param <KO>                the other table's key type
     * @param <VO>                the other table's value type
     * @param other               the other table
     * @param foreignKeyExtractor extracts the other table's key
     * @param joiner              computes the result
     * @return the joined table
     */
    <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                        ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * As {@link #leftJoin(KTable, Function, ValueJoiner)}, with partitioners, a name and store settings.
     *
     * @param <VR>                the result type
     * @param <KO>                the other table's key type
     * @param <VO>                the other table's value type
     * @param other               the other table
     * @param foreignKeyExtractor extracts the other table's key
     * @param joiner              computes the result
     * @param tableJoined         partitioners and name, or null
     * @param materialized        the result's store settings, or null
     * @return the joined table
     */
    <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                        ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        TableJoined<K, KO> tableJoined,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    // ------------------------------------------------------------------------------------------- grouping

    /**
     * Re-groups the rows by a new key for an aggregation with adder and subtractor ({@link KGroupedTable}): an
     * update removes the old row's contribution from its old group and adds the new one to its new group. Stateless
     * itself; the aggregation always repartitions.
     *
     * @param <KR>     the new key type
     * @param <VR>     the new value type
     * @param selector maps a row to its group key and value; a null group key drops the row (counted)
     * @return the grouped table
     */
    <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector);

    /**
     * As {@link #groupBy(KeyValueMapper)}, with serdes and the repartition topic's name.
     *
     * @param <KR>     the new key type
     * @param <VR>     the new value type
     * @param selector maps a row to its group key and value
     * @param grouped  serdes and name
     * @return the grouped table
     */
    <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector,
                                           Grouped<KR, VR> grouped);

    /**
     * @return the name the table can be queried under ({@code RunnelStreams.store}), or null if it was not given a
     *         store name through {@link Materialized#as(String)}
     */
    String queryableStoreName();
}
