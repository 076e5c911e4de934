package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.BranchedKStream;
import io.runnel.streams.kstream.ForeachAction;
import io.runnel.streams.kstream.GlobalKTable;
import io.runnel.streams.kstream.Grouped;
import io.runnel.streams.kstream.JoinWindows;
import io.runnel.streams.kstream.Joined;
import io.runnel.streams.kstream.KGroupedStream;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.KeyValueMapper;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Predicate;
import io.runnel.streams.kstream.Produced;
import io.runnel.streams.kstream.Repartitioned;
import io.runnel.streams.kstream.StreamJoined;
import io.runnel.streams.kstream.ValueJoiner;
import io.runnel.streams.kstream.ValueJoinerWithKey;
import io.runnel.streams.kstream.ValueMapper;
import io.runnel.streams.kstream.ValueMapperWithKey;
import io.runnel.streams.kstream.internals.graph.GraphNode;
import io.runnel.streams.kstream.internals.graph.ProcessorGraphNode;
import io.runnel.streams.kstream.internals.graph.RepartitionNode;
import io.runnel.streams.kstream.internals.graph.SinkGraphNode;
import io.runnel.streams.processor.TopicNameExtractor;
import io.runnel.streams.processor.api.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.state.KeyValueStore;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DSL's {@link KStream}: every method adds graph nodes and returns a new handle. See {@link KStream} for the
 * semantics and {@link InternalStreamsBuilder} for naming.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KStreamImpl<K, V> extends AbstractStream<K, V> implements KStream<K, V> {

    private final boolean repartitionRequired;
    private KStreamImpl<K, V> joinRepartitioned;

    /**
     * @param builder             the builder
     * @param graphNode           the producing node
     * @param keySerde            the key serde, or null
     * @param valueSerde          the value serde, or null
     * @param sourceNodes         the sub-topology's source nodes
     * @param anchor              the anchor
     * @param repartitionRequired whether keys may have changed since the last repartition
     */
    public KStreamImpl(InternalStreamsBuilder builder, GraphNode graphNode, Serde<K> keySerde, Serde<V> valueSerde,
                       Set<String> sourceNodes, String anchor, boolean repartitionRequired) {
        super(builder, graphNode, keySerde, valueSerde, sourceNodes, anchor);
        this.repartitionRequired = repartitionRequired;
    }

    /** @return true if the next aggregation or join repartitions */
    public boolean repartitionRequired() {
        return repartitionRequired;
    }

    private <KR, VR> KStreamImpl<KR, VR> addProcessor(String name, ProcessorSupplier<?, ?, ?, ?> supplier,
                                                     Serde<KR> ks, Serde<VR> vs, String anchor,
                                                     boolean keyChanging) {
        ProcessorGraphNode node = new ProcessorGraphNode(name, supplier);
        node.setKeyChanging(keyChanging);
        builder.addChild(graphNode, node);
        return new KStreamImpl<>(builder, node, ks, vs, sourceNodes, keyChanging ? rekeyed(anchor) : anchor,
                repartitionRequired || keyChanging);
    }

    private static NamedInternal named(Named named) {
        return NamedInternal.of(Objects.requireNonNull(named, "named can't be null"));
    }

    // ------------------------------------------------------------------------------------------- stateless

    @Override
    public KStream<K, V> filter(Predicate<? super K, ? super V> predicate) {
        return doFilter(predicate, NamedInternal.of((Named) null), false);
    }

    @Override
    public KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
        return doFilter(predicate, named(named), false);
    }

    @Override
    public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
        return doFilter(predicate, NamedInternal.of((Named) null), true);
    }

    @Override
    public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
        return doFilter(predicate, named(named), true);
    }

    private KStream<K, V> doFilter(Predicate<? super K, ? super V> predicate, NamedInternal named, boolean not) {
        Objects.requireNonNull(predicate, "predicate can't be null");
        return addProcessor(named.orElseGenerate(builder, "KSTREAM-FILTER"), KStreamProcessors.filter(predicate, not),
                keySerde, valueSerde, anchorOf(named), false);
    }

    @Override
    public <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper) {
        return doSelectKey(mapper, NamedInternal.of((Named) null));
    }

    @Override
    public <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named) {
        return doSelectKey(mapper, named(named));
    }

    private <KR> KStreamImpl<KR, V> doSelectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper,
                                                NamedInternal named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return addProcessor(named.orElseGenerate(builder, "KSTREAM-KEY-SELECT"), KStreamProcessors.selectKey(mapper),
                null, valueSerde, anchorOf(named), true);
    }

    @Override
    public <KR, VR> KStream<KR, VR> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper) {
        return map(mapper, NamedInternal.of((Named) null));
    }

    @Override
    public <KR, VR> KStream<KR, VR> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        NamedInternal n = named instanceof NamedInternal ni ? ni : named(named);
        return addProcessor(n.orElseGenerate(builder, "KSTREAM-MAP"), KStreamProcessors.map(mapper), null, null,
                anchorOf(n), true);
    }

    @Override
    public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doMapValues((k, v) -> mapper.apply(v), NamedInternal.of((Named) null));
    }

    @Override
    public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doMapValues((k, v) -> mapper.apply(v), named(named));
    }

    @Override
    public <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
        return doMapValues(mapper, NamedInternal.of((Named) null));
    }

    @Override
    public <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named) {
        return doMapValues(mapper, named(named));
    }

    private <VR> KStream<K, VR> doMapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
                                            NamedInternal named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return addProcessor(named.orElseGenerate(builder, "KSTREAM-MAPVALUES"), KStreamProcessors.mapValues(mapper),
                keySerde, null, anchorOf(named), false);
    }

    @Override
    public <KR, VR> KStream<KR, VR> flatMap(
            KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper) {
        return flatMap(mapper, NamedInternal.of((Named) null));
    }

    @Override
    public <KR, VR> KStream<KR, VR> flatMap(
            KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper,
            Named named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        NamedInternal n = named instanceof NamedInternal ni ? ni : named(named);
        return addProcessor(n.orElseGenerate(builder, "KSTREAM-FLATMAP"), KStreamProcessors.flatMap(mapper), null,
                null, anchorOf(n), true);
    }

    @Override
    public <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doFlatMapValues((k, v) -> mapper.apply(v), NamedInternal.of((Named) null));
    }

    @Override
    public <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper,
                                             Named named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doFlatMapValues((k, v) -> mapper.apply(v), named(named));
    }

    @Override
    public <VR> KStream<K, VR> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper) {
        return doFlatMapValues(mapper, NamedInternal.of((Named) null));
    }

    @Override
    public <VR> KStream<K, VR> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper, Named named) {
        return doFlatMapValues(mapper, named(named));
    }

    private <VR> KStream<K, VR> doFlatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper, NamedInternal named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return addProcessor(named.orElseGenerate(builder, "KSTREAM-FLATMAPVALUES"),
                KStreamProcessors.flatMapValues(mapper), keySerde, null, anchorOf(named), false);
    }

    @Override
    public KStream<K, V> peek(ForeachAction<? super K, ? super V> action) {
        return doPeek(action, NamedInternal.of((Named) null));
    }

    @Override
    public KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named) {
        return doPeek(action, named(named));
    }

    private KStream<K, V> doPeek(ForeachAction<? super K, ? super V> action, NamedInternal named) {
        Objects.requireNonNull(action, "action can't be null");
        return addProcessor(named.orElseGenerate(builder, "KSTREAM-PEEK"), KStreamProcessors.peek(action, true),
                keySerde, valueSerde, anchorOf(named), false);
    }

    @Override
    public void foreach(ForeachAction<? super K, ? super V> action) {
        doForeach(action, NamedInternal.of((Named) null));
    }

    @Override
    public void foreach(ForeachAction<? super K, ? super V> action, Named named) {
        doForeach(action, named(named));
    }

    private void doForeach(ForeachAction<? super K, ? super V> action, NamedInternal named) {
        Objects.requireNonNull(action, "action can't be null");
        addProcessor(named.orElseGenerate(builder, "KSTREAM-FOREACH"), KStreamProcessors.peek(action, false),
                keySerde, valueSerde, anchorOf(named), false);
    }

    @Override
    public BranchedKStream<K, V> split() {
        return new BranchedKStreamImpl<>(this, NamedInternal.of((Named) null), repartitionRequired);
    }

    @Override
    public BranchedKStream<K, V> split(Named named) {
        return new BranchedKStreamImpl<>(this, named(named), repartitionRequired);
    }

    /**
     * For {@link BranchedKStreamImpl}: a node below this stream.
     *
     * @param node   the new node
     * @param anchor the anchor of the node's output
     * @return the node's output
     */
    KStreamImpl<K, V> addBranchNode(ProcessorGraphNode node, String anchor) {
        builder.addChild(graphNode, node);
        return new KStreamImpl<>(builder, node, keySerde, valueSerde, sourceNodes, anchor, repartitionRequired);
    }

    /**
     * For {@link BranchedKStreamImpl}: a child of the branch node.
     *
     * @param parent the branch node
     * @param node   the branch's pass-through node
     * @param anchor the branch's anchor
     * @param repartition whether the branch needs repartitioning
     * @return the branch's stream
     */
    KStreamImpl<K, V> addBranchChild(GraphNode parent, ProcessorGraphNode node, String anchor, boolean repartition) {
        builder.addChild(parent, node);
        return new KStreamImpl<>(builder, node, keySerde, valueSerde, sourceNodes, anchor, repartition);
    }

    /** @return the builder, for branches */
    InternalStreamsBuilder builder() {
        return builder;
    }

    @Override
    public KStream<K, V> merge(KStream<K, V> stream) {
        return doMerge(stream, NamedInternal.of((Named) null));
    }

    @Override
    public KStream<K, V> merge(KStream<K, V> stream, Named named) {
        return doMerge(stream, named(named));
    }

    private KStream<K, V> doMerge(KStream<K, V> stream, NamedInternal named) {
        Objects.requireNonNull(stream, "stream can't be null");
        KStreamImpl<K, V> other = (KStreamImpl<K, V>) stream;
        checkSameBuilder(other);
        ProcessorGraphNode node = new ProcessorGraphNode(named.orElseGenerate(builder, "KSTREAM-MERGE"),
                KStreamProcessors.passThrough());
        graphNode.addChild(node);
        other.graphNode.addChild(node);
        builder.addNode(node);
        String mergedAnchor = named.name() != null ? "named:" + named.name()
                : "merge(" + anchor + "," + other.anchor + ")";
        return new KStreamImpl<>(builder, node, keySerde == other.keySerde ? keySerde : null,
                valueSerde == other.valueSerde ? valueSerde : null, union(other), mergedAnchor,
                repartitionRequired || other.repartitionRequired);
    }

    // ------------------------------------------------------------------------------------------- topics

    @Override
    public KStream<K, V> repartition() {
        return repartition(null);
    }

    @Override
    public KStream<K, V> repartition(Repartitioned<K, V> repartitioned) {
        RepartitionedInternal<K, V> r = new RepartitionedInternal<>(repartitioned);
        String base = r.name() != null ? r.name() : builder.newInternalTopicName("KSTREAM-REPARTITION", anchor);
        String sink = r.name() != null ? base + "-repartition-sink" : builder.newProcessorName("KSTREAM-SINK");
        String source = r.name() != null ? base + "-repartition-source" : builder.newProcessorName("KSTREAM-SOURCE");
        Serde<K> ks = orElse(r.keySerde(), keySerde);
        Serde<V> vs = orElse(r.valueSerde(), valueSerde);
        RepartitionNode<K, V> node = new RepartitionNode<>(sink, source, base + "-repartition", r.numberOfPartitions(),
                ks, vs, r.partitioner());
        builder.addChild(graphNode, node);
        return new KStreamImpl<>(builder, node, ks, vs, Set.of(source), "repartition:" + base, false);
    }

    /**
     * Writes this stream through a repartition topic before a grouping: records with null keys are dropped (and
     * counted) first.
     *
     * @param base      the topic's base name ({@code <base>-repartition})
     * @param userNamed whether {@code base} is a user-given name (then it names the nodes too)
     * @param ks        the key serde, or null
     * @param vs        the value serde, or null
     * @return the repartitioned stream
     */
    KStreamImpl<K, V> repartitionForGrouping(String base, boolean userNamed, Serde<K> ks, Serde<V> vs) {
        ProcessorGraphNode filter = new ProcessorGraphNode(userNamed ? base + "-repartition-filter"
                : builder.newProcessorName("KSTREAM-FILTER"), KStreamProcessors.dropNullKeys());
        builder.addChild(graphNode, filter);
        String sink = userNamed ? base + "-repartition-sink" : builder.newProcessorName("KSTREAM-SINK");
        String source = userNamed ? base + "-repartition-source" : builder.newProcessorName("KSTREAM-SOURCE");
        RepartitionNode<K, V> node = new RepartitionNode<>(sink, source, base + "-repartition", null, ks, vs, null);
        node.setMergeable(graphNode, filter);
        builder.addChild(filter, node);
        return new KStreamImpl<>(builder, node, ks, vs, Set.of(source), "repartition:" + base, false);
    }

    /**
     * This stream as a join input: repartitioned through {@code <name>-repartition} if its keys may have changed.
     * An unnamed repartition is made once per stream handle and reused by later joins.
     *
     * @param name the join's name for the topic, or null for a generated one
     * @param ks   the key serde, or null
     * @param vs   the value serde, or null
     * @return the join input
     */
    KStreamImpl<K, V> repartitionedForJoin(String name, Serde<K> ks, Serde<V> vs) {
        if (!repartitionRequired) {
            return this;
        }
        if (name == null && joinRepartitioned != null) {
            return joinRepartitioned;
        }
        String base = name != null ? name : builder.newInternalTopicName("KSTREAM-JOIN-REPARTITION", anchor);
        String sink = name != null ? base + "-repartition-sink" : builder.newProcessorName("KSTREAM-SINK");
        String source = name != null ? base + "-repartition-source" : builder.newProcessorName("KSTREAM-SOURCE");
        Serde<K> keys = orElse(ks, keySerde);
        Serde<V> values = orElse(vs, valueSerde);
        RepartitionNode<K, V> node = new RepartitionNode<>(sink, source, base + "-repartition", null, keys, values,
                null);
        builder.addChild(graphNode, node);
        KStreamImpl<K, V> result = new KStreamImpl<>(builder, node, keys, values, Set.of(source),
                "repartition:" + base, false);
        if (name == null) {
            joinRepartitioned = result;
        }
        return result;
    }

    @Override
    public void to(String topic) {
        to(topic, null);
    }

    @Override
    public void to(String topic, Produced<K, V> produced) {
        Objects.requireNonNull(topic, "topic can't be null");
        doTo(topic, null, new ProducedInternal<>(produced));
    }

    @Override
    public void to(TopicNameExtractor<K, V> topicExtractor) {
        to(topicExtractor, null);
    }

    @Override
    public void to(TopicNameExtractor<K, V> topicExtractor, Produced<K, V> produced) {
        Objects.requireNonNull(topicExtractor, "topicExtractor can't be null");
        doTo(null, topicExtractor, new ProducedInternal<>(produced));
    }

    private void doTo(String topic, TopicNameExtractor<K, V> extractor, ProducedInternal<K, V> produced) {
        String name = produced.name() != null ? produced.name() : builder.newProcessorName("KSTREAM-SINK");
        SinkGraphNode<K, V> node = new SinkGraphNode<>(name, topic, extractor, orElse(produced.keySerde(), keySerde),
                orElse(produced.valueSerde(), valueSerde), produced.partitioner());
        builder.addChild(graphNode, node);
    }

    @Override
    public KTable<K, V> toTable() {
        return doToTable(NamedInternal.of((Named) null), null);
    }

    @Override
    public KTable<K, V> toTable(Named named) {
        return doToTable(named(named), null);
    }

    @Override
    public KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return doToTable(NamedInternal.of((Named) null),
                Objects.requireNonNull(materialized, "materialized can't be null"));
    }

    @Override
    public KTable<K, V> toTable(Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return doToTable(named(named), Objects.requireNonNull(materialized, "materialized can't be null"));
    }

    private KTable<K, V> doToTable(NamedInternal named,
                                   Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized, builder,
                "KSTREAM-TOTABLE-STATE-STORE", anchorOf(named));
        Serde<K> ks = orElse(m.keySerde(), keySerde);
        Serde<V> vs = orElse(m.valueSerde(), valueSerde);
        KStreamImpl<K, V> input = repartitionRequired
                ? repartitionForGrouping(m.storeName(), false, ks, vs) : this;
        ProcessorGraphNode node = new ProcessorGraphNode(named.orElseGenerate(builder, "KSTREAM-TOTABLE"),
                KTableSource.<K, V>supplier(m.storeName()));
        node.withStore(StoreFactory.timestampedKeyValue(m, ks, vs));
        builder.addChild(input.graphNode, node);
        return new KTableImpl<>(builder, node, ks, vs, input.sourceNodes, "state:" + m.storeName(),
                m.queryableStoreName(), KTableValueGetterSupplier.ofStore(m.storeName()), null);
    }

    // ------------------------------------------------------------------------------------------- grouping

    @Override
    public KGroupedStream<K, V> groupByKey() {
        return new KGroupedStreamImpl<>(this, new GroupedInternal<>(null), repartitionRequired);
    }

    @Override
    public KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped) {
        return new KGroupedStreamImpl<>(this,
                new GroupedInternal<>(Objects.requireNonNull(grouped, "grouped can't be null")),
                repartitionRequired);
    }

    @Override
    public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> selector) {
        return doGroupBy(selector, new GroupedInternal<>(null));
    }

    @Override
    public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> selector,
                                             Grouped<KR, V> grouped) {
        return doGroupBy(selector, new GroupedInternal<>(Objects.requireNonNull(grouped, "grouped can't be null")));
    }

    private <KR> KGroupedStream<KR, V> doGroupBy(KeyValueMapper<? super K, ? super V, KR> selector,
                                                 GroupedInternal<KR, V> grouped) {
        Objects.requireNonNull(selector, "selector can't be null");
        KStreamImpl<KR, V> selected = doSelectKey(selector, NamedInternal.of((Named) null));
        return new KGroupedStreamImpl<>(selected, grouped, true);
    }

    // ------------------------------------------------------------------------------------------- stream joins

    @Override
    public <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        JoinWindows windows) {
        return streamJoin(other, withKey(joiner), windows, null, KStreamJoinBuilder.Kind.INNER);
    }

    @Override
    public <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
                                        ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                        JoinWindows windows) {
        return streamJoin(other, joiner, windows, null, KStreamJoinBuilder.Kind.INNER);
    }

    @Override
    public <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
        return streamJoin(other, withKey(joiner), windows, required(streamJoined), KStreamJoinBuilder.Kind.INNER);
    }

    @Override
    public <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
                                        ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                        JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
        return streamJoin(other, joiner, windows, required(streamJoined), KStreamJoinBuilder.Kind.INNER);
    }

    @Override
    public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                            JoinWindows windows) {
        return streamJoin(other, withKey(joiner), windows, null, KStreamJoinBuilder.Kind.LEFT);
    }

    @Override
    public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
                                            ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                            JoinWindows windows) {
        return streamJoin(other, joiner, windows, null, KStreamJoinBuilder.Kind.LEFT);
    }

    @Override
    public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                            JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
        return streamJoin(other, withKey(joiner), windows, required(streamJoined), KStreamJoinBuilder.Kind.LEFT);
    }

    @Override
    public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
                                            ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                            JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
        return streamJoin(other, joiner, windows, required(streamJoined), KStreamJoinBuilder.Kind.LEFT);
    }

    @Override
    public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
                                             ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                             JoinWindows windows) {
        return streamJoin(other, withKey(joiner), windows, null, KStreamJoinBuilder.Kind.OUTER);
    }

    @Override
    public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
                                             ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                             JoinWindows windows) {
        return streamJoin(other, joiner, windows, null, KStreamJoinBuilder.Kind.OUTER);
    }

    @Override
    public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
                                             ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                             JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
        return streamJoin(other, withKey(joiner), windows, required(streamJoined), KStreamJoinBuilder.Kind.OUTER);
    }

    @Override
    public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
                                             ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                             JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
        return streamJoin(other, joiner, windows, required(streamJoined), KStreamJoinBuilder.Kind.OUTER);
    }

    private static <T> T required(T streamJoined) {
        return Objects.requireNonNull(streamJoined, "streamJoined can't be null");
    }

    private <VO, VR> KStream<K, VR> streamJoin(KStream<K, VO> other,
                                               ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
                                               JoinWindows windows, StreamJoined<K, V, VO> streamJoined,
                                               KStreamJoinBuilder.Kind kind) {
        Objects.requireNonNull(other, "otherStream can't be null");
        Objects.requireNonNull(joiner, "joiner can't be null");
        Objects.requireNonNull(windows, "windows can't be null");
        KStreamImpl<K, VO> otherImpl = (KStreamImpl<K, VO>) other;
        checkSameBuilder(otherImpl);
        return new KStreamJoinBuilder<K, V, VO, VR>(this, otherImpl, joiner, windows, new StreamJoinedInternal<>(streamJoined),
                kind).build();
    }

    // ------------------------------------------------------------------------------------------- table joins

    @Override
    public <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
        return tableJoin(table, withKey(joiner), new JoinedInternal<>(null), false);
    }

    @Override
    public <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
                                        ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner) {
        return tableJoin(table, joiner, new JoinedInternal<>(null), false);
    }

    @Override
    public <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                        Joined<K, V, VT> joined) {
        return tableJoin(table, withKey(joiner), new JoinedInternal<>(required(joined)), false);
    }

    @Override
    public <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
                                        ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
                                        Joined<K, V, VT> joined) {
        return tableJoin(table, joiner, new JoinedInternal<>(required(joined)), false);
    }

    @Override
    public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
                                            ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
        return tableJoin(table, withKey(joiner), new JoinedInternal<>(null), true);
    }

    @Override
    public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
                                            ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner) {
        return tableJoin(table, joiner, new JoinedInternal<>(null), true);
    }

    @Override
    public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
                                            ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                            Joined<K, V, VT> joined) {
        return tableJoin(table, withKey(joiner), new JoinedInternal<>(required(joined)), true);
    }

    @Override
    public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
                                            ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
                                            Joined<K, V, VT> joined) {
        return tableJoin(table, joiner, new JoinedInternal<>(required(joined)), true);
    }

    private <VT, VR> KStream<K, VR> tableJoin(KTable<K, VT> table,
                                              ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
                                              JoinedInternal<K, V, VT> joined, boolean left) {
        Objects.requireNonNull(table, "table can't be null");
        Objects.requireNonNull(joiner, "joiner can't be null");
        KTableImpl<K, VT> t = (KTableImpl<K, VT>) table;
        checkSameBuilder(t);
        KStreamImpl<K, V> input = repartitionedForJoin(joined.name(), joined.keySerde(), joined.valueSerde());
        Set<String> sources = input.union(t);
        builder.copartition(sources);
        KTableValueGetterSupplier<K, VT> getter = t.valueGetterSupplier();
        String name = joined.name() != null ? joined.name()
                : builder.newProcessorName(left ? "KSTREAM-LEFTJOIN" : "KSTREAM-JOIN");
        ProcessorGraphNode node = new ProcessorGraphNode(name, KStreamKTableJoin.supplier(getter, joiner, left));
        node.connect(getter.storeNames());
        builder.addChild(input.graphNode, node);
        String joinAnchor = joined.name() != null ? "named:" + joined.name()
                : "join(" + input.anchor + "," + t.anchor + ")";
        return new KStreamImpl<>(builder, node, input.keySerde, null, sources, joinAnchor, false);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                            KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                            ValueJoiner<? super V, ? super GV, ? extends RV> joiner) {
        return globalJoin(table, keySelector, withKey(joiner), NamedInternal.of((Named) null), false);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                            KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                            ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner) {
        return globalJoin(table, keySelector, joiner, NamedInternal.of((Named) null), false);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                            KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                            ValueJoiner<? super V, ? super GV, ? extends RV> joiner, Named named) {
        return globalJoin(table, keySelector, withKey(joiner), named(named), false);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
                                            KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                            ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner,
                                            Named named) {
        return globalJoin(table, keySelector, joiner, named(named), false);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoiner<? super V, ? super GV, ? extends RV> joiner) {
        return globalJoin(table, keySelector, withKey(joiner), NamedInternal.of((Named) null), true);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner) {
        return globalJoin(table, keySelector, joiner, NamedInternal.of((Named) null), true);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoiner<? super V, ? super GV, ? extends RV> joiner,
                                                Named named) {
        return globalJoin(table, keySelector, withKey(joiner), named(named), true);
    }

    @Override
    public <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner,
                                                Named named) {
        return globalJoin(table, keySelector, joiner, named(named), true);
    }

    private <GK, GV, RV> KStream<K, RV> globalJoin(GlobalKTable<GK, GV> table,
                                                   KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                   ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner,
                                                   NamedInternal named, boolean left) {
        Objects.requireNonNull(table, "globalTable can't be null");
        Objects.requireNonNull(keySelector, "keySelector can't be null");
        Objects.requireNonNull(joiner, "joiner can't be null");
        GlobalKTableImpl<GK, GV> g = (GlobalKTableImpl<GK, GV>) table;
        String name = named.orElseGenerate(builder, left ? "KSTREAM-LEFTJOIN" : "KSTREAM-JOIN");
        ProcessorSupplier<K, V, K, RV> supplier = KStreamGlobalKTableJoin.supplier(g.queryableStoreName(),
                keySelector, joiner, left);
        return addProcessor(name, supplier, keySerde, null, anchorOf(named), false);
    }

    // ------------------------------------------------------------------------------------------- Processor API

    @Override
    public <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> supplier,
                                                    String... stateStoreNames) {
        return doProcess(supplier, NamedInternal.of((Named) null), stateStoreNames);
    }

    @Override
    public <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> supplier,
                                                    Named named, String... stateStoreNames) {
        return doProcess(supplier, named(named), stateStoreNames);
    }

    private <KOut, VOut> KStream<KOut, VOut> doProcess(ProcessorSupplier<? super K, ? super V, KOut, VOut> supplier,
                                                       NamedInternal named, String... stateStoreNames) {
        Objects.requireNonNull(supplier, "processorSupplier can't be null");
        Objects.requireNonNull(stateStoreNames, "stateStoreNames can't be null");
        ProcessorGraphNode node = new ProcessorGraphNode(named.orElseGenerate(builder, "KSTREAM-PROCESSOR"), supplier);
        node.connect(stateStoreNames);
        node.setKeyChanging(true);
        builder.addChild(graphNode, node);
        return new KStreamImpl<>(builder, node, null, null, sourceNodes,
                rekeyed(processAnchor(named, stateStoreNames)), true);
    }

    @Override
    public <VOut> KStream<K, VOut> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VOut> supplier,
                                                 String... stateStoreNames) {
        return doProcessValues(supplier, NamedInternal.of((Named) null), stateStoreNames);
    }

    @Override
    public <VOut> KStream<K, VOut> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VOut> supplier,
                                                 Named named, String... stateStoreNames) {
        return doProcessValues(supplier, named(named), stateStoreNames);
    }

    private <VOut> KStream<K, VOut> doProcessValues(FixedKeyProcessorSupplier<? super K, ? super V, VOut> supplier,
                                                    NamedInternal named, String... stateStoreNames) {
        Objects.requireNonNull(supplier, "processorSupplier can't be null");
        Objects.requireNonNull(stateStoreNames, "stateStoreNames can't be null");
        ProcessorGraphNode node = new ProcessorGraphNode(named.orElseGenerate(builder, "KSTREAM-PROCESSVALUES"),
                supplier);
        node.connect(stateStoreNames);
        builder.addChild(graphNode, node);
        return new KStreamImpl<>(builder, node, keySerde, null, sourceNodes, processAnchor(named, stateStoreNames),
                repartitionRequired);
    }

    private String processAnchor(NamedInternal named, String[] stores) {
        if (named.name() != null) {
            return "named:" + named.name();
        }
        if (stores.length > 0) {
            return "stores:" + new TreeSet<>(Arrays.asList(stores));
        }
        return anchor;
    }

    @Override
    public String toString() {
        return "KStream(" + graphNode.nodeName() + ")";
    }
}
