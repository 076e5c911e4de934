package io.runnel.streams.kstream.internals.foreignkeyjoin;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.ValueJoiner;
import io.runnel.streams.kstream.internals.InternalStreamsBuilder;
import io.runnel.streams.kstream.internals.KTableImpl;
import io.runnel.streams.kstream.internals.KTableValueGetterSupplier;
import io.runnel.streams.kstream.internals.MaterializedInternal;
import io.runnel.streams.kstream.internals.StoreFactory;
import io.runnel.streams.kstream.internals.TableJoinedInternal;
import io.runnel.streams.kstream.internals.graph.ProcessorGraphNode;
import io.runnel.streams.kstream.internals.graph.RepartitionNode;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.state.KeyValueStore;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles a foreign-key KTable join (see {@link ForeignKeyJoinProcessors} for the design). Names: with
 * {@code TableJoined.as(n)} the internal topics are {@code n-subscription-registration-topic} and
 * {@code n-subscription-response-topic}, the subscription store {@code n-subscription-store} and the nodes
 * {@code n-subscription-*}; otherwise stable generated names anchored on both tables. The result is always
 * materialized (the {@code Materialized} name, or a generated one), so downstream operators get exact old values.
 *
 * @param <K>  the left key type
 * @param <V>  the left value type
 * @param <KO> the right (foreign) key type
 * @param <VO> the right value type
 * @param <VR> the result type
 */
public final class ForeignKeyJoinBuilder<K, V, KO, VO, VR> {

    private final KTableImpl<K, V> left;
    private final KTableImpl<KO, VO> right;
    private final Function<? super V, ? extends KO> extractor;
    private final ValueJoiner<? super V, ? super VO, ? extends VR> joiner;
    private final TableJoinedInternal<K, KO> tableJoined;
    private final Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized;
    private final boolean leftJoin;

    /**
     * @param left         this (left) table
     * @param right        the other (right) table
     * @param extractor    extracts the foreign key from a left value
     * @param joiner       computes results
     * @param tableJoined  partitioners and name
     * @param materialized the result's store settings, or null
     * @param leftJoin     true for a left join
     */
    public ForeignKeyJoinBuilder(KTableImpl<K, V> left, KTableImpl<KO, VO> right,
                                 Function<? super V, ? extends KO> extractor,
                                 ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                 TableJoinedInternal<K, KO> tableJoined,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized, boolean leftJoin) {
        this.left = left;
        this.right = right;
        this.extractor = extractor;
        this.joiner = joiner;
        this.tableJoined = tableJoined;
        this.materialized = materialized;
        this.leftJoin = leftJoin;
    }

    /** @return the joined table */
    public KTable<K, VR> build() {
        InternalStreamsBuilder builder = left.builder();
        String name = tableJoined.name();
        String anchor = name != null ? "named:" + name
                : "fkjoin(" + left.anchor() + "," + right.anchor() + "," + (leftJoin ? "LEFT" : "INNER") + ")";
        String base = name != null ? name : builder.newInternalTopicName("KTABLE-FK-JOIN", anchor);
        String subscriptionStore = base + "-subscription-store";
        MaterializedInternal<K, VR, KeyValueStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized, builder,
                "KTABLE-FK-JOIN-OUTPUT-STATE-STORE", anchor);

        String resolverName = nodeName(builder, name, "-subscription-response-resolver",
                "KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER");
        String sendName = nodeName(builder, name, "-subscription-registration-processor",
                "KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION");
        String registrationSink = nodeName(builder, name, "-subscription-registration-sink", "KTABLE-SINK");
        String registrationSource = nodeName(builder, name, "-subscription-registration-source", "KSTREAM-SOURCE");
        String receiveName = nodeName(builder, name, "-subscription-receive",
                "KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR");
        String rightChangeName = nodeName(builder, name, "-foreign-table-processor",
                "KTABLE-FK-JOIN-FOREIGN-TABLE-PROCESSOR");
        String responseSink = nodeName(builder, name, "-subscription-response-sink", "KTABLE-SINK");
        String responseSource = nodeName(builder, name, "-subscription-response-source", "KSTREAM-SOURCE");

        ProcessorGraphNode send = new ProcessorGraphNode(sendName, ForeignKeyJoinProcessors.send(extractor,
                left.keySerde(), left.valueSerde(), registrationSink, resolverName));
        builder.addChild(left.graphNode(), send);

        StreamPartitioner<KO, Void> otherPartitioner = tableJoined.otherPartitioner();
        RepartitionNode<KO, SubscriptionWrapper> registration = new RepartitionNode<>(registrationSink,
                registrationSource, base + "-subscription-registration-topic", null, right.keySerde(),
                new SubscriptionWrapper.WrapperSerde(), otherPartitioner == null ? null
                : (topic, key, value, n) -> otherPartitioner.partition(topic, key, null, n));
        builder.addChild(send, registration);
        Set<String> rightGroup = new LinkedHashSet<>(right.sourceNodes());
        rightGroup.add(registrationSource);
        builder.copartition(rightGroup);

        KTableValueGetterSupplier<KO, VO> rightGetter = right.valueGetterSupplier();
        ProcessorGraphNode receive = new ProcessorGraphNode(receiveName, ForeignKeyJoinProcessors.receive(
                subscriptionStore, rightGetter, left.keySerde(), right.keySerde(), right.valueSerde()));
        receive.withStore(StoreFactory.bytesKeyValue(subscriptionStore, null, true, Map.of()));
        receive.connect(rightGetter.storeNames());
        builder.addChild(registration, receive);

        ProcessorGraphNode rightChange = new ProcessorGraphNode(rightChangeName, ForeignKeyJoinProcessors.rightChange(
                subscriptionStore, left.keySerde(), right.keySerde(), right.valueSerde()));
        rightChange.connect(subscriptionStore);
        builder.addChild(right.graphNode(), rightChange);

        StreamPartitioner<K, Void> partitioner = tableJoined.partitioner();
        RepartitionNode<K, ResponseWrapper> response = new RepartitionNode<>(responseSink, responseSource,
                base + "-subscription-response-topic", null, left.keySerde(), new ResponseWrapper.WrapperSerde(),
                partitioner == null ? null : (topic, key, value, n) -> partitioner.partition(topic, key, null, n));
        receive.addChild(response);
        rightChange.addChild(response);
        builder.addNode(response);
        Set<String> leftGroup = new LinkedHashSet<>(left.sourceNodes());
        leftGroup.add(responseSource);
        builder.copartition(leftGroup);

        Serde<K> ks = m.keySerde() != null ? m.keySerde() : left.keySerde();
        KTableValueGetterSupplier<K, V> leftGetter = left.valueGetterSupplier();
        ProcessorGraphNode resolver = new ProcessorGraphNode(resolverName, ForeignKeyJoinProcessors.resolve(
                leftGetter, joiner, leftJoin, m.storeName(), left.valueSerde(), right.valueSerde()));
        resolver.withStore(StoreFactory.timestampedKeyValue(m, ks, m.valueSerde()));
        resolver.connect(leftGetter.storeNames());
        response.addChild(resolver);
        send.addChild(resolver);
        builder.addNode(resolver);

        Set<String> sources = new LinkedHashSet<>(left.sourceNodes());
        sources.add(responseSource);
        return new KTableImpl<>(builder, resolver, ks, m.valueSerde(), sources, "state:" + m.storeName(),
                m.queryableStoreName(), KTableValueGetterSupplier.ofStore(m.storeName()), null);
    }

    private static String nodeName(InternalStreamsBuilder builder, String name, String suffix, String prefix) {
        return name != null ? name + suffix : builder.newProcessorName(prefix);
    }
}
