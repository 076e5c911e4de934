package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.internals.graph.ProcessorGraphNode;
import io.runnel.streams.processor.api.ProcessorSupplier;

/**
 * Compiles the aggregations of a grouped stream, windowed or not: the repartition (if the stream is marked; the topic
 * is {@code <grouping name or store name>-repartition}) and the aggregate node with its store. Also names the
 * stores: the anchor of an aggregation is its {@code Named}, else the grouping's name, else the stream's anchor,
 * followed by the aggregation kind and the windows, so aggregations of one stream differing in kind or windows
 * get different stable names.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class GroupedStreamAggregateBuilder<K, V> {

    private final KStreamImpl<K, V> stream;
    private final GroupedInternal<K, V> grouped;
    private final boolean repartitionRequired;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;

    GroupedStreamAggregateBuilder(KStreamImpl<K, V> stream, GroupedInternal<K, V> grouped,
                                  boolean repartitionRequired) {
        this.stream = stream;
        this.grouped = grouped;
        this.repartitionRequired = repartitionRequired;
        this.keySerde = AbstractStream.orElse(grouped.keySerde(), stream.keySerde());
        this.valueSerde = AbstractStream.orElse(grouped.valueSerde(), stream.valueSerde());
    }

    InternalStreamsBuilder builder() {
        return stream.builder();
    }

    /** @return the grouping's key serde (Grouped, else the stream's), or null */
    Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the grouping's value serde (Grouped, else the stream's), or null */
    Serde<V> valueSerde() {
        return valueSerde;
    }

    /**
     * @param named   the aggregation's name, or empty
     * @param kind    count, reduce or aggregate
     * @param windows the windows, or null
     * @return the anchor of the aggregation's store name
     */
    String anchor(NamedInternal named, String kind, Object windows) {
        String base = named.name() != null ? "named:" + named.name()
                : grouped.name() != null ? "grouped:" + grouped.name() : stream.anchor();
        return base + "|" + kind + (windows == null ? "" : "|" + windows);
    }

    /**
     * Adds the repartition (if needed) and the aggregate node.
     *
     * @param <KR>       the result key type
     * @param <VR>       the result value type
     * @param named      the aggregation's name, or empty
     * @param prefix     Kafka's prefix for the node name ({@code KSTREAM-AGGREGATE})
     * @param m          the store's materialization (its name names the repartition topic if the grouping has
     *                   none)
     * @param stores     the stores the node creates
     * @param supplier   the aggregate processor
     * @param ks         the result key serde, or null
     * @param vs         the result value serde, or null
     * @param getter     how joins read the result
     * @param windowInfo the windows, or null
     * @return the result table
     */
    <KR, VR> KTableImpl<KR, VR> build(NamedInternal named, String prefix, MaterializedInternal<?, ?, ?> m,
                                      StoreFactory[] stores, ProcessorSupplier<K, V, KR, Change<VR>> supplier,
                                      Serde<KR> ks, Serde<VR> vs, KTableValueGetterSupplier<KR, VR> getter,
                                      WindowInfo windowInfo) {
        InternalStreamsBuilder builder = stream.builder();
        KStreamImpl<K, V> input = repartitionRequired
                ? stream.repartitionForGrouping(grouped.name() != null ? grouped.name() : m.storeName(),
                grouped.name() != null, keySerde, valueSerde)
                : stream;
        ProcessorGraphNode node = new ProcessorGraphNode(named.orElseGenerate(builder, prefix), supplier);
        for (StoreFactory store : stores) {
            node.withStore(store);
        }
        builder.addChild(input.graphNode(), node);
        return new KTableImpl<>(builder, node, ks, vs, input.sourceNodes(), "state:" + m.storeName(),
                m.queryableStoreName(), getter, windowInfo);
    }
}
