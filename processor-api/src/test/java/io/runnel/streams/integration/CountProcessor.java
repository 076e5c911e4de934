package io.runnel.streams.integration;

import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;

/** Counts records per key in store "counts" and forwards the new count. */
public final class CountProcessor extends ContextualProcessor<String, String, String, Long> {

    private final String storeName;
    private KeyValueStore<String, Long> store;

    public CountProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        super.init(context);
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        Long old = store.get(record.key());
        long count = old == null ? 1 : old + 1;
        store.put(record.key(), count);
        context().forward(record.withValue(count));
    }
}
