package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Grouped;
import io.runnel.streams.kstream.KGroupedTable;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.KeyValueMapper;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Predicate;
import io.runnel.streams.kstream.Suppressed;
import io.runnel.streams.kstream.TableJoined;
import io.runnel.streams.kstream.ValueJoiner;
import io.runnel.streams.kstream.ValueMapper;
import io.runnel.streams.kstream.ValueMapperWithKey;
import io.runnel.streams.kstream.internals.foreignkeyjoin.ForeignKeyJoinBuilder;
import io.runnel.streams.kstream.internals.graph.GraphNode;
import io.runnel.streams.kstream.internals.graph.ProcessorGraphNode;
import io.runnel.streams.kstream.internals.suppress.KTableSuppressProcessor;
import io.runnel.streams.kstream.internals.suppress.SuppressedInternal;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.state.KeyValueStore;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The DSL's {@link KTable}: every method adds graph nodes and returns a new handle carrying the table's value
 * getter (how joins read it), its queryable store name and, for windowed tables, its {@link WindowInfo}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KTableImpl<K, V> extends AbstractStream<K, V> implements KTable<K, V> {

    private final String queryableStoreName;
    private final KTableValueGetterSupplier<K, V> valueGetterSupplier;
    private final WindowInfo windowInfo;

    /**
     * @param builder             the builder
     * @param graphNode           the producing node
     * @param keySerde            the key serde, or null
     * @param valueSerde          the value serde, or null
     * @param sourceNodes         the sub-topology's source nodes
     * @param anchor              the anchor
     * @param queryableStoreName  the user-given store name, or null
     * @param valueGetterSupplier reads the table's current rows
     * @param windowInfo          the windows of a windowed table, or null
     */
    public KTableImpl(InternalStreamsBuilder builder, GraphNode graphNode, Serde<K> keySerde, Serde<V> valueSerde,
                      Set<String> sourceNodes, String anchor, String queryableStoreName,
                      KTableValueGetterSupplier<K, V> valueGetterSupplier, WindowInfo windowInfo) {
        super(builder, graphNode, keySerde, valueSerde, sourceNodes, anchor);
        this.queryableStoreName = queryableStoreName;
        this.valueGetterSupplier = valueGetterSupplier;
        this.windowInfo = windowInfo;
    }

    /**
     * For {@code StreamsBuilder.table}: the table source processor.
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the table's store
     * @return the supplier
     */
    public static <K, V> ProcessorSupplier<K, V, K, Change<V>> sourceProcessor(String storeName) {
        return KTableSource.supplier(storeName);
    }

    /**
     * For {@code StreamsBuilder.globalTable}: the processor keeping a global table's store.
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the global store
     * @return the supplier
     */
    public static <K, V> ProcessorSupplier<K, V, Void, Void> globalSourceProcessor(String storeName) {
        return KTableSource.globalSupplier(storeName);
    }

    /** @return how the table's rows are read by joins */
    public KTableValueGetterSupplier<K, V> valueGetterSupplier() {
        return valueGetterSupplier;
    }

    /** @return the windows of a windowed table, or null */
    public WindowInfo windowInfo() {
        return windowInfo;
    }

    /** @return the builder */
    public InternalStreamsBuilder builder() {
        return builder;
    }

    @Override
    public String queryableStoreName() {
        return queryableStoreName;
    }

    private static NamedInternal named(Named named) {
        return NamedInternal.of(Objects.requireNonNull(named, "named can't be null"));
    }

    private static <T> T materialized(T materialized) {
        return Objects.requireNonNull(materialized, "materialized can't be null");
    }

    // ------------------------------------------------------------------------------------------- row operators

    private <VR> KTable<K, VR> rowOperator(String prefix, KTableProcessors.RowFunction<K, V, VR> function,
                                           NamedInternal named,
                                           Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized,
                                           Serde<VR> unmaterializedValueSerde) {
        String name = named.orElseGenerate(builder, prefix);
        if (materialized == null) {
            ProcessorGraphNode node = new ProcessorGraphNode(name, KTableProcessors.rowProcessor(function, null));
            builder.addChild(graphNode, node);
            return new KTableImpl<>(builder, node, keySerde, unmaterializedValueSerde, sourceNodes, anchorOf(named),
                    null, KTableProcessors.rowGetter(valueGetterSupplier, function), windowInfo);
        }
        MaterializedInternal<K, VR, KeyValueStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized, builder,
                prefix + "-STATE-STORE", anchorOf(named));
        Serde<K> ks = orElse(m.keySerde(), keySerde);
        Serde<VR> vs = orElse(m.valueSerde(), unmaterializedValueSerde);
        ProcessorGraphNode node = new ProcessorGraphNode(name, KTableProcessors.rowProcessor(function, m.storeName()));
        node.withStore(StoreFactory.timestampedKeyValue(m, ks, vs));
        builder.addChild(graphNode, node);
        return new KTableImpl<>(builder, node, ks, vs, sourceNodes, "state:" + m.storeName(), m.queryableStoreName(),
                KTableValueGetterSupplier.ofStore(m.storeName()), windowInfo);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate) {
        return rowOperator("KTABLE-FILTER", KTableProcessors.filter(requirePredicate(predicate), false),
                NamedInternal.of((Named) null), null, valueSerde);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
        return rowOperator("KTABLE-FILTER", KTableProcessors.filter(requirePredicate(predicate), false), named(named),
                null, valueSerde);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return rowOperator("KTABLE-FILTER", KTableProcessors.filter(requirePredicate(predicate), false),
                NamedInternal.of((Named) null), materialized(materialized), valueSerde);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
        return rowOperator("KTABLE-FILTER", KTableProcessors.filter(requirePredicate(predicate), true),
                NamedInternal.of((Named) null), null, valueSerde);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
        return rowOperator("KTABLE-FILTER", KTableProcessors.filter(requirePredicate(predicate), true), named(named),
                null, valueSerde);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate,
                                  Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return rowOperator("KTABLE-FILTER", KTableProcessors.filter(requirePredicate(predicate), true),
                NamedInternal.of((Named) null), materialized(materialized), valueSerde);
    }

    private static <P> P requirePredicate(P predicate) {
        return Objects.requireNonNull(predicate, "predicate can't be null");
    }

    private static <K, V, VR> ValueMapperWithKey<K, V, VR> withKeyMapper(ValueMapper<? super V, ? extends VR> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return (k, v) -> mapper.apply(v);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
        return mapValues(withKeyMapper(mapper));
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
        return mapValues(withKeyMapper(mapper), named);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return mapValues(withKeyMapper(mapper), materialized);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return rowOperator("KTABLE-MAPVALUES", KTableProcessors.mapValues(mapper), NamedInternal.of((Named) null),
                null, null);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return rowOperator("KTABLE-MAPVALUES", KTableProcessors.mapValues(mapper), named(named), null, null);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return rowOperator("KTABLE-MAPVALUES", KTableProcessors.mapValues(mapper), NamedInternal.of((Named) null),
                materialized(materialized), null);
    }

    @Override
    public KStream<K, V> toStream() {
        return doToStream(NamedInternal.of((Named) null));
    }

    @Override
    public KStream<K, V> toStream(Named named) {
        return doToStream(named(named));
    }

    private KStreamImpl<K, V> doToStream(NamedInternal named) {
        ProcessorGraphNode node = new ProcessorGraphNode(named.orElseGenerate(builder, "KTABLE-TOSTREAM"),
                KTableProcessors.toStream());
        builder.addChild(graphNode, node);
        return new KStreamImpl<>(builder, node, keySerde, valueSerde, sourceNodes, anchorOf(named), false);
    }

    @Override
    public <KR> KStream<KR, V> toStream(KeyValueMapper<? super K, ? super V, ? extends KR> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doToStream(NamedInternal.of((Named) null)).selectKey(mapper);
    }

    @Override
    public KTable<K, V> suppress(Suppressed<? super K> suppressed) {
        Objects.requireNonNull(suppressed, "suppressed can't be null");
        SuppressedInternal<? super K> s = (SuppressedInternal<? super K>) suppressed;
        if (s.finalResultsOnly() && windowInfo == null) {
            throw new IllegalArgumentException("Suppressed.untilWindowCloses needs a windowed KTable (the result of"
                    + " windowedBy(...) followed by an aggregation); use untilTimeLimit on other tables");
        }
        String name = s.name() != null ? s.name() : builder.newProcessorName("KTABLE-SUPPRESS");
        String storeName = s.name() != null ? s.name() + "-store"
                : builder.newStoreName("KTABLE-SUPPRESS-STATE-STORE", anchor);
        long delay = s.finalResultsOnly() ? windowInfo.closeDelayMs() : s.timeLimitMs();
        ProcessorGraphNode node = new ProcessorGraphNode(name, KTableSuppressProcessor.<K, V>supplier(storeName,
                s.finalResultsOnly(), delay, s.bufferConfig(), keySerde, valueSerde));
        node.withStore(StoreFactory.bytesKeyValue(storeName, Materialized.StoreType.IN_MEMORY,
                s.bufferConfig().loggingEnabled(), s.bufferConfig().logConfig()));
        builder.addChild(graphNode, node);
        return new KTableImpl<>(builder, node, keySerde, valueSerde, sourceNodes, "state:" + storeName, null,
                KTableSuppressProcessor.getter(valueGetterSupplier, storeName, keySerde, valueSerde), windowInfo);
    }

    // ------------------------------------------------------------------------------------------- joins

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return doJoin(other, joiner, NamedInternal.of((Named) null), null, false, false);
    }

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                       Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, NamedInternal.of((Named) null), materialized(materialized), false, false);
    }

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                       Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, named(named), materialized, false, false);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return doJoin(other, joiner, NamedInternal.of((Named) null), null, true, false);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                           Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, NamedInternal.of((Named) null), materialized(materialized), true, false);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                           Named named,
                                           Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, named(named), materialized, true, false);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return doJoin(other, joiner, NamedInternal.of((Named) null), null, true, true);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                            Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, NamedInternal.of((Named) null), materialized(materialized), true, true);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
                                            Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, named(named), materialized, true, true);
    }

    private <VO, VR> KTable<K, VR> doJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                          NamedInternal named,
                                          Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized,
                                          boolean keepThisOnly, boolean keepOtherOnly) {
        Objects.requireNonNull(other, "other can't be null");
        Objects.requireNonNull(joiner, "joiner can't be null");
        KTableImpl<K, VO> o = (KTableImpl<K, VO>) other;
        checkSameBuilder(o);
        builder.copartition(union(o));
        String kind = keepOtherOnly ? "OUTER" : keepThisOnly ? "LEFT" : "";
        String thisName = named.suffixedOrElseGenerate("-join-this", builder, "KTABLE-" + kind + "JOINTHIS");
        String otherName = named.suffixedOrElseGenerate("-join-other", builder, "KTABLE-" + kind + "JOINOTHER");
        String mergeName = named.suffixedOrElseGenerate("-merge", builder, "KTABLE-MERGE");
        KTableProcessors.JoinLogic<V, VO, VR> logic = new KTableProcessors.JoinLogic<>(joiner, keepThisOnly,
                keepOtherOnly);
        ProcessorGraphNode thisNode = new ProcessorGraphNode(thisName,
                KTableProcessors.joinSide(o.valueGetterSupplier, logic));
        thisNode.connect(o.valueGetterSupplier.storeNames());
        ProcessorGraphNode otherNode = new ProcessorGraphNode(otherName,
                KTableProcessors.joinSide(valueGetterSupplier, logic.reversed()));
        otherNode.connect(valueGetterSupplier.storeNames());
        builder.addChild(graphNode, thisNode);
        builder.addChild(o.graphNode, otherNode);

        String joinAnchor = named.name() != null ? "named:" + named.name()
                : "tablejoin(" + anchor + "," + o.anchor + "," + kind + ")";
        MaterializedInternal<K, VR, KeyValueStore<Bytes, byte[]>> m = materialized == null ? null
                : new MaterializedInternal<>(materialized, builder, "KTABLE-MERGE-STATE-STORE", joinAnchor);
        ProcessorGraphNode merge = new ProcessorGraphNode(mergeName,
                KTableProcessors.merger(m == null ? null : m.storeName()));
        Serde<K> ks = m == null ? keySerde : orElse(m.keySerde(), keySerde);
        Serde<VR> vs = m == null ? null : m.valueSerde();
        if (m != null) {
            merge.withStore(StoreFactory.timestampedKeyValue(m, ks, vs));
        }
        thisNode.addChild(merge);
        otherNode.addChild(merge);
        builder.addNode(merge);
        KTableValueGetterSupplier<K, VR> getter = m != null ? KTableValueGetterSupplier.ofStore(m.storeName())
                : KTableProcessors.joinGetter(valueGetterSupplier, o.valueGetterSupplier, logic);
        return new KTableImpl<>(builder, merge, ks, vs, union(o), m != null ? "state:" + m.storeName() : joinAnchor,
                m == null ? null : m.queryableStoreName(), getter, null);
    }

    @Override
    public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return fkJoin(other, foreignKeyExtractor, joiner, null, null, false);
    }

    @Override
    public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                           TableJoined<K, KO> tableJoined,
                                           Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return fkJoin(other, foreignKeyExtractor, joiner, tableJoined, materialized, false);
    }

    @Override
    public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
                                               Function<? super V, ? extends KO> foreignKeyExtractor,
                                               ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return fkJoin(other, foreignKeyExtractor, joiner, null, null, true);
    }

    @Override
    public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
                                               Function<? super V, ? extends KO> foreignKeyExtractor,
                                               ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                               TableJoined<K, KO> tableJoined,
                                               Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return fkJoin(other, foreignKeyExtractor, joiner, tableJoined, materialized, true);
    }

    private <VR, KO, VO> KTable<K, VR> fkJoin(KTable<KO, VO> other,
                                              Function<? super V, ? extends KO> foreignKeyExtractor,
                                              ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                              TableJoined<K, KO> tableJoined,
                                              Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized,
                                              boolean left) {
        Objects.requireNonNull(other, "other can't be null");
        Objects.requireNonNull(foreignKeyExtractor, "foreignKeyExtractor can't be null");
        Objects.requireNonNull(joiner, "joiner can't be null");
        KTableImpl<KO, VO> o = (KTableImpl<KO, VO>) other;
        checkSameBuilder(o);
        return new ForeignKeyJoinBuilder<>(this, o, foreignKeyExtractor, joiner, new TableJoinedInternal<>(tableJoined),
                materialized, left).build();
    }

    // ------------------------------------------------------------------------------------------- grouping

    @Override
    public <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector) {
        return doGroupBy(selector, new GroupedInternal<>(null));
    }

    @Override
    public <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector,
                                                  Grouped<KR, VR> grouped) {
        return doGroupBy(selector, new GroupedInternal<>(Objects.requireNonNull(grouped, "grouped can't be null")));
    }

    private <KR, VR> KGroupedTable<KR, VR> doGroupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector,
                                                     GroupedInternal<KR, VR> grouped) {
        Objects.requireNonNull(selector, "selector can't be null");
        String name = grouped.name() != null ? grouped.name() + "-select" : builder.newProcessorName("KTABLE-SELECT");
        ProcessorGraphNode node = new ProcessorGraphNode(name, KGroupedTableImpl.repartitionMap(selector));
        node.setKeyChanging(true);
        builder.addChild(graphNode, node);
        String groupAnchor = grouped.name() != null ? "grouped:" + grouped.name() : rekeyed(anchor);
        return new KGroupedTableImpl<>(builder, node, grouped, groupAnchor);
    }

    @Override
    public String toString() {
        return "KTable(" + graphNode.nodeName() + ")";
    }
}
