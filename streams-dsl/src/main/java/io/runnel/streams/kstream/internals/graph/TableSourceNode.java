package io.runnel.streams.kstream.internals.graph;

import io.runnel.streams.StreamsConfig;
import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.kstream.internals.ConsumedInternal;
import io.runnel.streams.kstream.internals.StoreFactory;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;

/**
 * A table read from a topic ({@code StreamsBuilder.table}): a source, the table's processor and its store. With the
 * {@code reuse.ktable.source.topics} optimization the topic is the store's changelog (no second copy), as in Kafka.
 */
public final class TableSourceNode extends GraphNode {

    private final String sourceName;
    private final String topic;
    private final ConsumedInternal<?, ?> consumed;
    private final ProcessorSupplier<?, ?, ?, ?> supplier;
    private final StoreFactory store;
    private final boolean loggingEnabled;

    /**
     * @param sourceName     the source's name
     * @param processorName  the table processor's name (children connect to it)
     * @param topic          the topic
     * @param consumed       serdes, extractor, reset policy
     * @param supplier       the table processor
     * @param store          the table's store
     * @param loggingEnabled whether the store is logged (a source topic is reused as changelog only then)
     */
    public TableSourceNode(String sourceName, String processorName, String topic, ConsumedInternal<?, ?> consumed,
                           ProcessorSupplier<?, ?, ?, ?> supplier, StoreFactory store, boolean loggingEnabled) {
        super(processorName);
        this.sourceName = sourceName;
        this.topic = topic;
        this.consumed = consumed;
        this.supplier = supplier;
        this.store = store;
        this.loggingEnabled = loggingEnabled;
    }

    /** @return the source node's name (for co-partitioning) */
    public String sourceName() {
        return sourceName;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder, BuildContext ctx) {
        builder.addSource(consumed.offsetResetPolicy(), sourceName, consumed.timestampExtractor(),
                consumed.keyDeserializer(), consumed.valueDeserializer(), topic);
        builder.addProcessor(nodeName(), supplier, sourceName);
        builder.addStateStore(store.build(ctx), nodeName());
        if (loggingEnabled && ctx.optimize(StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS)) {
            builder.connectSourceStoreAndTopic(store.name(), topic);
        }
    }
}
