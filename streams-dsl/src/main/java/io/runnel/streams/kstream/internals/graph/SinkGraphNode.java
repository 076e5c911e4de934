package io.runnel.streams.kstream.internals.graph;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.TopicNameExtractor;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;

/**
 * A sink writing a topic or the topic an extractor picks ({@code KStream.to}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SinkGraphNode<K, V> extends GraphNode {

    private final String topic;
    private final TopicNameExtractor<K, V> extractor;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final StreamPartitioner<? super K, ? super V> partitioner;

    /**
     * @param name        the sink's name
     * @param topic       the topic, or null with an extractor
     * @param extractor   the extractor, or null with a topic
     * @param keySerde    the key serde, or null for the default
     * @param valueSerde  the value serde, or null for the default
     * @param partitioner the partitioner, or null
     */
    public SinkGraphNode(String name, String topic, TopicNameExtractor<K, V> extractor, Serde<K> keySerde,
                         Serde<V> valueSerde, StreamPartitioner<? super K, ? super V> partitioner) {
        super(name);
        this.topic = topic;
        this.extractor = extractor;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.partitioner = partitioner;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder, BuildContext ctx) {
        if (topic != null) {
            builder.addSink(nodeName(), topic, keySerde == null ? null : keySerde.serializer(),
                    valueSerde == null ? null : valueSerde.serializer(), partitioner, parentNames());
        } else {
            builder.addSink(nodeName(), extractor, keySerde == null ? null : keySerde.serializer(),
                    valueSerde == null ? null : valueSerde.serializer(), partitioner, parentNames());
        }
    }
}
