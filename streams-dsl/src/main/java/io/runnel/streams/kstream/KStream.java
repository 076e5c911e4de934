package io.runnel.streams.kstream;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.TopicNameExtractor;
import io.runnel.streams.processor.api.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.state.KeyValueStore;

/**
 * An unbounded stream of independent records, as Kafka's {@code KStream}: every record is an event, two records
 * with the same key do not replace each other. Created by {@code StreamsBuilder.stream} or derived from another
 * stream or a table. Every method adds an operator to the topology being built and returns a new stream or table;
 * nothing is processed until the topology runs in {@code RunnelStreams}.
 *
 * <p><b>Cost.</b> Each method says whether it is <em>stateless</em> (no store) or <em>stateful</em> (a store, logged
 * to a changelog topic), and whether it <em>may repartition</em>: after a key-changing operation ({@link #map},
 * {@link #selectKey}, {@link #flatMap}, {@link #groupBy}, {@link #process}) the stream is marked, and the next
 * aggregation or join first writes it through a repartition topic {@code <application.id>-<name>-repartition} so
 * that records with equal keys meet in one task.
 *
 * <p><b>Nulls.</b> Stateless operators pass null keys and values through. Aggregations drop records with a null key
 * or value; joins drop records with a null value and, except left and outer joins, records with a null key (Kafka's
 * rules, KIP-962); every such drop is logged and counted in {@code TaskMetadata.droppedRecords()}.
 *
 * <p><b>Names.</b> Operators get Kafka-style node names ({@code KSTREAM-FILTER-0000000001}) unless named with
 * {@link Named} (or the name in {@link Grouped}, {@link Materialized}, {@link Joined}, {@link StreamJoined},
 * {@link Repartitioned}, {@link Produced}). Stores and internal topics of unnamed operators get stable generated
 * names that do not change when operators are added upstream (see {@code docs/streams-dsl.md}).
 *
 * <p>Not thread-safe: build the topology on one thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KStream<K, V> {

    // ------------------------------------------------------------------------------------------- stateless

    /**
     * Keeps the records satisfying the predicate. Stateless; never repartitions.
     *
     * @param predicate the test
     * @return the filtered stream
     */
    KStream<K, V> filter(Predicate<? super K, ? super V> predicate);

    /**
     * As {@link #filter(Predicate)}, with a node name.
     *
     * @param predicate the test
     * @param named     the node name
     * @return the filtered stream
     */
    KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * Drops the records satisfying the predicate. Stateless; never repartitions.
     *
     * @param predicate the test
     * @return the filtered stream
     */
    KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate);

    /**
     * As {@link #filterNot(Predicate)}, with a node name.
     *
     * @param predicate the test
     * @param named     the node name
     * @return the filtered stream
     */
    KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * Gives every record a new key (the value stays). Stateless; marks the stream for repartitioning before the
     * next aggregation or join.
     *
     * @param <KR>   the new key type
     * @param mapper computes the new key
     * @return the re-keyed stream
     */
    <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper);

    /**
     * As {@link #selectKey(KeyValueMapper)}, with a node name.
     *
     * @param <KR>   the new key type
     * @param mapper computes the new key
     * @param named  the node name
     * @return the re-keyed stream
     */
    <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named);

    /**
     * Maps every record to a new record. Stateless; marks the stream for repartitioning (use {@link #mapValues} to
     * keep keys and avoid it).
     *
     * @param <KR>   the new key type
     * @param <VR>   the new value type
     * @param mapper computes the new record, not null
     * @return the mapped stream
     */
    <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper);

    /**
     * As {@link #map(KeyValueMapper)}, with a node name.
     *
     * @param <KR>   the new key type
     * @param <VR>   the new value type
     * @param mapper computes the new record, not null
     * @param named  the node name
     * @return the mapped stream
     */
    <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper,
                                 Named named);

    /**
     * Maps every value. Stateless; never repartitions.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @return the mapped stream
     */
    <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

    /**
     * As {@link #mapValues(ValueMapper)}, with a node name.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @param named  the node name
     * @return the mapped stream
     */
    <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

    /**
     * Maps every value, reading the key. Stateless; never repartitions.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @return the mapped stream
     */
    <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

    /**
     * As {@link #mapValues(ValueMapperWithKey)}, with a node name.
     *
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @param named  the node name
     * @return the mapped stream
     */
    <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named);

    /**
     * Maps every record to zero or more records. Stateless; marks the stream for repartitioning.
     *
     * @param <KR>   the new key type
     * @param <VR>   the new value type
     * @param mapper computes the records, not null
     * @return the stream
     */
    <KR, VR> KStream<KR, VR> flatMap(
            KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper);

    /**
     * As {@link #flatMap(KeyValueMapper)}, with a node name.
     *
     * @param <KR>   the new key type
     * @param <VR>   the new value type
     * @param mapper computes the records, not null
     * @param named  the node name
     * @return the stream
     */
    <KR, VR> KStream<KR, VR> flatMap(
            KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper,
            Named named);

    /**
     * Maps every value to zero or more values with the same key. Stateless; never repartitions.
     *
     * @param <VR>   the new value type
     * @param mapper computes the values, not null
     * @return the stream
     */
    <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper);

    /**
     * As {@link #flatMapValues(ValueMapper)}, with a node name.
     *
     * @param <VR>   the new value type
     * @param mapper computes the values, not null
     * @param named  the node name
     * @return the stream
     */
    <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper, Named named);

    /**
     * Maps every value to zero or more values, reading the key. Stateless; never repartitions.
     *
     * @param <VR>   the new value type
     * @param mapper computes the values, not null
     * @return the stream
     */
    <VR> KStream<K, VR> flatMapValues(ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper);

    /**
     * As {@link #flatMapValues(ValueMapperWithKey)}, with a node name.
     *
     * @param <VR>   the new value type
     * @param mapper computes the values, not null
     * @param named  the node name
     * @return the stream
     */
    <VR> KStream<K, VR> flatMapValues(ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper,
                                      Named named);

    /**
     * Runs an action on every record and passes the record on unchanged. Stateless; never repartitions.
     *
     * @param action the action
     * @return the same records
     */
    KStream<K, V> peek(ForeachAction<? super K, ? super V> action);

    /**
     * As {@link #peek(ForeachAction)}, with a node name.
     *
     * @param action the action
     * @param named  the node name
     * @return the same records
     */
    KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named);

    /**
     * Runs an action on every record; a terminal operation. Stateless.
     *
     * @param action the action
     */
    void foreach(ForeachAction<? super K, ? super V> action);

    /**
     * As {@link #foreach(ForeachAction)}, with a node name.
     *
     * @param action the action
     * @param named  the node name
     */
    void foreach(ForeachAction<? super K, ? super V> action, Named named);

    /**
     * Splits the stream into branches by predicates, each record going to the first branch it satisfies. Stateless;
     * never repartitions.
     *
     * @return the branching builder
     */
    BranchedKStream<K, V> split();

    /**
     * As {@link #split()}; the name prefixes the branch names in the resulting map and names the branch node.
     *
     * @param named the split's name
     * @return the branching builder
     */
    BranchedKStream<K, V> split(Named named);

    /**
     * Merges another stream into this one; order between the two is not defined (within each input it is kept).
     * Stateless; never repartitions (the result needs repartitioning if either input does).
     *
     * @param stream the other stream, from the same builder
     * @return the merged stream
     */
    KStream<K, V> merge(KStream<K, V> stream);

    /**
     * As {@link #merge(KStream)}, with a node name.
     *
     * @param stream the other stream
     * @param named  the node name
     * @return the merged stream
     */
    KStream<K, V> merge(KStream<K, V> stream, Named named);

    // ------------------------------------------------------------------------------------------- topics

    /**
     * Writes the stream through a repartition topic, distributing records by key (and clearing the repartitioning
     * mark). Stateless; always repartitions. The topic is {@code <application.id>-<generated>-repartition} with the
     * upstream sources' partition count.
     *
     * @return the repartitioned stream
     */
    KStream<K, V> repartition();

    /**
     * As {@link #repartition()}, with the topic's name, partition count, partitioner and serdes.
     *
     * @param repartitioned the settings
     * @return the repartitioned stream
     */
    KStream<K, V> repartition(Repartitioned<K, V> repartitioned);

    /**
     * Writes the stream to a topic, with the serdes the stream carries (else the defaults). Stateless; terminal.
     *
     * @param topic the topic, which must exist when the application starts
     */
    void to(String topic);

    /**
     * Writes the stream to a topic.
     *
     * @param topic    the topic
     * @param produced serdes, partitioner and sink name
     */
    void to(String topic, Produced<K, V> produced);

    /**
     * Writes every record to the topic the extractor picks for it. Stateless; terminal.
     *
     * @param topicExtractor picks the topic per record (must not return null)
     */
    void to(TopicNameExtractor<K, V> topicExtractor);

    /**
     * As {@link #to(TopicNameExtractor)}, with serdes, partitioner and sink name.
     *
     * @param topicExtractor picks the topic per record
     * @param produced       the settings
     */
    void to(TopicNameExtractor<K, V> topicExtractor, Produced<K, V> produced);

    /**
     * Reads the stream as a changelog: each record upserts its key, a null value deletes it. Stateful (a
     * timestamped key-value store); never repartitions itself. Records with a null key are dropped and counted.
     *
     * @return the table
     */
    KTable<K, V> toTable();

    /**
     * As {@link #toTable()}, with a node name.
     *
     * @param named the node name
     * @return the table
     */
    KTable<K, V> toTable(Named named);

    /**
     * As {@link #toTable()}, with the store's name, serdes, logging and caching.
     *
     * @param materialized the store settings
     * @return the table
     */
    KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * As {@link #toTable()}, with a node name and store settings.
     *
     * @param named        the node name
     * @param materialized the store settings
     * @return the table
     */
    KTable<K, V> toTable(Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    // ------------------------------------------------------------------------------------------- grouping

    /**
     * Groups records by their current key for an aggregation. Stateless itself; the aggregation repartitions if the
     * stream is marked.
     *
     * @return the grouped stream
     */
    KGroupedStream<K, V> groupByKey();

    /**
     * As {@link #groupByKey()}, with serdes and the repartition topic's name.
     *
     * @param grouped the grouping settings
     * @return the grouped stream
     */
    KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped);

    /**
     * Groups records by a new key: a {@link #selectKey} followed by {@link #groupByKey()}. The aggregation always
     * repartitions.
     *
     * @param <KR>     the new key type
     * @param selector computes the grouping key
     * @return the grouped stream
     */
    <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> selector);

    /**
     * As {@link #groupBy(KeyValueMapper)}, with serdes and the repartition topic's name.
     *
     * @param <KR>     the new key type
     * @param selector computes the grouping key
     * @param grouped  the grouping settings
     * @return the grouped stream
     */
    <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> selector, Grouped<KR, V> grouped);

    // ------------------------------------------------------------------------------------------- stream-stream joins

    /**
     * Inner windowed join with another stream: each pair of records with equal keys whose timestamps are within
     * the windows produces {@code joiner(thisValue, otherValue)} with the larger of the two timestamps. Stateful (a
     * window store per side, retaining every record for {@code before + after + grace}); repartitions either side
     * if it is marked; the two sides must be co-partitioned.
     *
     * @param <VO>    the other value type
     * @param <VR>    the result type
     * @param other   the other stream
     * @param joiner  computes the result
     * @param windows the time bounds and grace period
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                 JoinWindows windows);

    /**
     * As {@link #join(KStream, ValueJoiner, JoinWindows)}, the joiner reading the key.
     *
     * @param <VO>    the other value type
     * @param <VR>    the result type
     * @param other   the other stream
     * @param joiner  computes the result
     * @param windows the time bounds
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
                                 ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                 JoinWindows windows);

    /**
     * As {@link #join(KStream, ValueJoiner, JoinWindows)}, with serdes, stores and names.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other stream
     * @param joiner       computes the result
     * @param windows      the time bounds
     * @param streamJoined serdes, stores and names
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                 JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    /**
     * As {@link #join(KStream, ValueJoinerWithKey, JoinWindows)}, with serdes, stores and names.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other stream
     * @param joiner       computes the result
     * @param windows      the time bounds
     * @param streamJoined serdes, stores and names
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
                                 ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                 JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    /**
     * Left windowed join: as {@link #join(KStream, ValueJoiner, JoinWindows)}, and every record of this stream
     * that found no match produces {@code joiner(thisValue, null)} once its window has closed (stream time past
     * its timestamp plus {@code after} plus grace), so no such result is contradicted by a later match. Stateful
     * (plus a store of unmatched records); may repartition.
     *
     * @param <VO>    the other value type
     * @param <VR>    the result type
     * @param other   the other stream
     * @param joiner  computes the result
     * @param windows the time bounds
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                     JoinWindows windows);

    /**
     * As {@link #leftJoin(KStream, ValueJoiner, JoinWindows)}, the joiner reading the key.
     *
     * @param <VO>    the other value type
     * @param <VR>    the result type
     * @param other   the other stream
     * @param joiner  computes the result
     * @param windows the time bounds
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
                                     ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                     JoinWindows windows);

    /**
     * As {@link #leftJoin(KStream, ValueJoiner, JoinWindows)}, with serdes, stores and names.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other stream
     * @param joiner       computes the result
     * @param windows      the time bounds
     * @param streamJoined serdes, stores and names
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                     JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    /**
     * As {@link #leftJoin(KStream, ValueJoinerWithKey, JoinWindows)}, with serdes, stores and names.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other stream
     * @param joiner       computes the result
     * @param windows      the time bounds
     * @param streamJoined serdes, stores and names
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
                                     ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                     JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    /**
     * Outer windowed join: as the left join, for both sides (an unmatched record of the other stream produces
     * {@code joiner(null, otherValue)} once its window closed). Stateful; may repartition.
     *
     * @param <VO>    the other value type
     * @param <VR>    the result type
     * @param other   the other stream
     * @param joiner  computes the result
     * @param windows the time bounds
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                      JoinWindows windows);

    /**
     * As {@link #outerJoin(KStream, ValueJoiner, JoinWindows)}, the joiner reading the key.
     *
     * @param <VO>    the other value type
     * @param <VR>    the result type
     * @param other   the other stream
     * @param joiner  computes the result
     * @param windows the time bounds
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
                                      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                      JoinWindows windows);

    /**
     * As {@link #outerJoin(KStream, ValueJoiner, JoinWindows)}, with serdes, stores and names.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other stream
     * @param joiner       computes the result
     * @param windows      the time bounds
     * @param streamJoined serdes, stores and names
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    /**
     * As {@link #outerJoin(KStream, ValueJoinerWithKey, JoinWindows)}, with serdes, stores and names.
     *
     * @param <VO>         the other value type
     * @param <VR>         the result type
     * @param other        the other stream
     * @param joiner       computes the result
     * @param windows      the time bounds
     * @param streamJoined serdes, stores and names
     * @return the joined stream
     */
    <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
                                      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    // ------------------------------------------------------------------------------------------- stream-table joins

    /**
     * Inner join with a table: each record looks up the table's current row for its key and produces
     * {@code joiner(value, row)} with the record's timestamp (Kafka's rule for stream-table joins); records without
     * a row, or with a null key or value, produce nothing. Table updates produce nothing. Stateless here (reads the
     * table's store); repartitions this stream if it is marked; stream and table must be co-partitioned, else the
     * application fails to start with a {@code TopologyException}.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner);

    /**
     * As {@link #join(KTable, ValueJoiner)}, the joiner reading the key.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
                                 ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner);

    /**
     * As {@link #join(KTable, ValueJoiner)}, with serdes (for the repartition topic) and a name.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @param joined serdes and name
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                 Joined<K, V, VT> joined);

    /**
     * As {@link #join(KTable, ValueJoinerWithKey)}, with serdes and a name.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @param joined serdes and name
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
                                 ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
                                 Joined<K, V, VT> joined);

    /**
     * Left join with a table: as {@link #join(KTable, ValueJoiner)}, but records without a row (or with a null key)
     * produce {@code joiner(value, null)}. Stateless here; may repartition; requires co-partitioning.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner);

    /**
     * As {@link #leftJoin(KTable, ValueJoiner)}, the joiner reading the key.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
                                     ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner);

    /**
     * As {@link #leftJoin(KTable, ValueJoiner)}, with serdes and a name.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @param joined serdes and name
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                     Joined<K, V, VT> joined);

    /**
     * As {@link #leftJoin(KTable, ValueJoinerWithKey)}, with serdes and a name.
     *
     * @param <VT>   the table's value type
     * @param <VR>   the result type
     * @param table  the table
     * @param joiner computes the result
     * @param joined serdes and name
     * @return the joined stream
     */
    <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
                                     ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
                                     Joined<K, V, VT> joined);

    // ------------------------------------------------------------------------------------------- global table joins

    /**
     * Inner join with a global table: each record looks up {@code keySelector(key, value)} in the table (every
     * instance holds all of it) and produces {@code joiner(value, row)} with the record's timestamp; records whose
     * table key is null or has no row produce nothing. Stateless here; never repartitions; needs no
     * co-partitioning.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key from the record
     * @param joiner      computes the result
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                     KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                     ValueJoiner<? super V, ? super GV, ? extends RV> joiner);

    /**
     * As {@link #join(GlobalKTable, KeyValueMapper, ValueJoiner)}, the joiner reading the stream's key.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key
     * @param joiner      computes the result
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                     KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                     ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner);

    /**
     * As {@link #join(GlobalKTable, KeyValueMapper, ValueJoiner)}, with a node name.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key
     * @param joiner      computes the result
     * @param named       the node name
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                     KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                     ValueJoiner<? super V, ? super GV, ? extends RV> joiner, Named named);

    /**
     * As {@link #join(GlobalKTable, KeyValueMapper, ValueJoinerWithKey)}, with a node name.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key
     * @param joiner      computes the result
     * @param named       the node name
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                     KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                     ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner,
                                     Named named);

    /**
     * Left join with a global table: as the inner join, but records whose table key is null or has no row produce
     * {@code joiner(value, null)}. Stateless here; never repartitions.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key
     * @param joiner      computes the result
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoiner<? super V, ? super GV, ? extends RV> joiner);

    /**
     * As {@link #leftJoin(GlobalKTable, KeyValueMapper, ValueJoiner)}, the joiner reading the stream's key.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key
     * @param joiner      computes the result
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner);

    /**
     * As {@link #leftJoin(GlobalKTable, KeyValueMapper, ValueJoiner)}, with a node name.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key
     * @param joiner      computes the result
     * @param named       the node name
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoiner<? super V, ? super GV, ? extends RV> joiner, Named named);

    /**
     * As {@link #leftJoin(GlobalKTable, KeyValueMapper, ValueJoinerWithKey)}, with a node name.
     *
     * @param <GK>        the table's key type
     * @param <GV>        the table's value type
     * @param <RV>        the result type
     * @param table       the global table
     * @param keySelector computes the table key
     * @param joiner      computes the result
     * @param named       the node name
     * @return the joined stream
     */
    <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner,
                                         Named named);

    // ------------------------------------------------------------------------------------------- Processor API

    /**
     * Runs a Processor API processor on every record; it may forward any number of records with any keys.
     * Stateful if it uses stores (added with {@code StreamsBuilder.addStateStore} or returned by the supplier's
     * {@code stores()}, and named here); marks the stream for repartitioning, since the processor may change keys.
     *
     * @param <KOut>          the output key type
     * @param <VOut>          the output value type
     * @param supplier        creates one processor per task
     * @param stateStoreNames stores the processor uses
     * @return the processor's output
     */
    <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> supplier,
                                             String... stateStoreNames);

    /**
     * As {@link #process(ProcessorSupplier, String...)}, with a node name.
     *
     * @param <KOut>          the output key type
     * @param <VOut>          the output value type
     * @param supplier        creates one processor per task
     * @param named           the node name
     * @param stateStoreNames stores the processor uses
     * @return the processor's output
     */
    <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> supplier,
                                             Named named, String... stateStoreNames);

    /**
     * Runs a fixed-key processor on every record: it may change values, never keys. Stateful if it uses stores;
     * never repartitions.
     *
     * @param <VOut>          the output value type
     * @param supplier        creates one processor per task
     * @param stateStoreNames stores the processor uses
     * @return the processor's output
     */
    <VOut> KStream<K, VOut> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VOut> supplier,
                                          String... stateStoreNames);

    /**
     * As {@link #processValues(FixedKeyProcessorSupplier, String...)}, with a node name.
     *
     * @param <VOut>          the output value type
     * @param supplier        creates one processor per task
     * @param named           the node name
     * @param stateStoreNames stores the processor uses
     * @return the processor's output
     */
    <VOut> KStream<K, VOut> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VOut> supplier,
                                          Named named, String... stateStoreNames);
}
