package io.runnel.streams.kstream.internals.graph;

import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.kstream.internals.ConsumedInternal;
import io.runnel.streams.kstream.internals.StoreFactory;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;

/**
 * A global table or global store: every instance holds all of it, loaded from every partition of the topic before
 * processing starts. The global thread keeps it up to date through the processor.
 */
public final class GlobalTableSourceNode extends GraphNode {

    private final String sourceName;
    private final String topic;
    private final ConsumedInternal<?, ?> consumed;
    private final ProcessorSupplier<?, ?, Void, Void> supplier;
    private final StoreFactory store;
    private final boolean reprocessOnRestore;

    /**
     * @param sourceName         the source's name
     * @param processorName      the processor's name
     * @param topic              the topic
     * @param consumed           serdes and extractor
     * @param supplier           updates the store
     * @param store              the store (logging is turned off: the topic is its changelog)
     * @param reprocessOnRestore true to bootstrap through the processor, false to load the topic as is
     */
    public GlobalTableSourceNode(String sourceName, String processorName, String topic,
                                 ConsumedInternal<?, ?> consumed, ProcessorSupplier<?, ?, Void, Void> supplier,
                                 StoreFactory store, boolean reprocessOnRestore) {
        super(processorName);
        this.sourceName = sourceName;
        this.topic = topic;
        this.consumed = consumed;
        this.supplier = supplier;
        this.store = store;
        this.reprocessOnRestore = reprocessOnRestore;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder, BuildContext ctx) {
        builder.addGlobalStore(sourceName, consumed.timestampExtractor(), consumed.keyDeserializer(),
                consumed.valueDeserializer(), topic, nodeName(), supplier, store.build(ctx), reprocessOnRestore);
    }
}
