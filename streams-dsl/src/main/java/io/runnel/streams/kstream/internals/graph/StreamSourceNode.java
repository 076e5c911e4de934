package io.runnel.streams.kstream.internals.graph;

import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.kstream.internals.ConsumedInternal;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;

import java.util.List;
import java.util.regex.Pattern;

/** A source reading named topics or a pattern ({@code StreamsBuilder.stream}). */
public final class StreamSourceNode extends GraphNode {

    private final List<String> topics;
    private final Pattern pattern;
    private final ConsumedInternal<?, ?> consumed;

    /**
     * @param name     the source's name
     * @param topics   the topics, or null with a pattern
     * @param pattern  the pattern, or null with topics
     * @param consumed serdes, extractor and reset policy
     */
    public StreamSourceNode(String name, List<String> topics, Pattern pattern, ConsumedInternal<?, ?> consumed) {
        super(name);
        this.topics = topics == null ? null : List.copyOf(topics);
        this.pattern = pattern;
        this.consumed = consumed;
    }

    /** @return the topics, or null for a pattern source */
    public List<String> topics() {
        return topics;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder, BuildContext ctx) {
        if (topics != null) {
            builder.addSource(consumed.offsetResetPolicy(), nodeName(), consumed.timestampExtractor(),
                    consumed.keyDeserializer(), consumed.valueDeserializer(), topics.toArray(new String[0]));
        } else {
            builder.addSource(consumed.offsetResetPolicy(), nodeName(), consumed.timestampExtractor(),
                    consumed.keyDeserializer(), consumed.valueDeserializer(), pattern);
        }
    }
}
