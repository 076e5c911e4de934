package io.runnel.streams.kstream.internals.graph;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;

/**
 * A trip through a repartition topic: a sink writing {@code <application.id>-<topic>} and a source reading it, which
 * splits the topology into two sub-topologies and re-distributes records by their (new) key. Children connect to
 * the source.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RepartitionNode<K, V> extends GraphNode {

    private final String topic;
    private final String sinkName;
    private final Integer partitions;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final StreamPartitioner<? super K, ? super V> partitioner;
    private GraphNode mergeOrigin;
    private GraphNode dedicatedFilter;

    /**
     * @param sinkName    the sink's name
     * @param sourceName  the source's name (children connect to it)
     * @param topic       the topic name without the application id, ending in {@code -repartition}
     * @param partitions  the partition count, or null to inherit from the upstream sources (or the co-partition
     *                    group)
     * @param keySerde    the key serde, or null for the default
     * @param valueSerde  the value serde, or null for the default
     * @param partitioner the partitioner, or null
     */
    public RepartitionNode(String sinkName, String sourceName, String topic, Integer partitions, Serde<K> keySerde,
                           Serde<V> valueSerde, StreamPartitioner<? super K, ? super V> partitioner) {
        super(sourceName);
        this.sinkName = sinkName;
        this.topic = topic;
        this.partitions = partitions;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.partitioner = partitioner;
    }

    /**
     * Marks this repartition as one a grouping created below {@code origin}, which the
     * {@code merge.repartition.topics} optimization may merge with others below the same origin.
     *
     * @param origin          the node whose output is repartitioned
     * @param dedicatedFilter the null-key filter between the origin and this node (removed with it), or null
     */
    public void setMergeable(GraphNode origin, GraphNode dedicatedFilter) {
        this.mergeOrigin = origin;
        this.dedicatedFilter = dedicatedFilter;
    }

    /** @return the origin of a mergeable repartition, or null */
    public GraphNode mergeOrigin() {
        return mergeOrigin;
    }

    /** @return the null-key filter created for this repartition only, or null */
    public GraphNode dedicatedFilter() {
        return dedicatedFilter;
    }

    /** @return the topic name without the application id */
    public String topic() {
        return topic;
    }

    /** @return the partition count, or null */
    public Integer partitions() {
        return partitions;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the partitioner, or null */
    public StreamPartitioner<? super K, ? super V> partitioner() {
        return partitioner;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder, BuildContext ctx) {
        builder.addInternalTopic(topic, partitions);
        builder.addSink(sinkName, topic, keySerde == null ? null : keySerde.serializer(),
                valueSerde == null ? null : valueSerde.serializer(), partitioner, parentNames());
        builder.addSource(null, nodeName(), null, keySerde == null ? null : keySerde.deserializer(),
                valueSerde == null ? null : valueSerde.deserializer(), topic);
    }
}
