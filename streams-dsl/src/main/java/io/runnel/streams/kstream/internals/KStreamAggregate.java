package io.runnel.streams.kstream.internals;

import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

/**
 * Count, reduce and aggregate of a grouped stream: adds each record to its key's aggregate in a timestamped store
 * (timestamp: the largest of the key's records) and sends the new aggregate with the old one downstream (through
 * the record cache when on). Records with a null key or value are dropped and counted, as in Kafka.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VA> the aggregate type
 */
final class KStreamAggregate<K, V, VA> extends ContextualProcessor<K, V, K, Change<VA>> {

    private final String storeName;
    private final AggregationLogic<K, V, VA> logic;
    private TimestampedKeyValueStore<K, VA> store;
    private KTableForwarder<K, VA> forwarder;
    private DroppedRecords dropped;

    private KStreamAggregate(String storeName, AggregationLogic<K, V, VA> logic) {
        this.storeName = storeName;
        this.logic = logic;
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param <VA>      the aggregate type
     * @param storeName the store
     * @param logic     count, reduce or aggregate
     * @return the supplier
     */
    static <K, V, VA> ProcessorSupplier<K, V, K, Change<VA>> supplier(String storeName,
                                                                     AggregationLogic<K, V, VA> logic) {
        return () -> new KStreamAggregate<>(storeName, logic);
    }

    @Override
    public void init(ProcessorContext<K, Change<VA>> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        forwarder = KTableForwarder.timestamped(store, context);
        dropped = new DroppedRecords(context);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.key() == null || record.value() == null) {
            dropped.drop(record.key() == null ? "null key in an aggregation" : "null value in an aggregation",
                    record);
            return;
        }
        ValueAndTimestamp<VA> old = store.get(record.key());
        VA oldAgg = old == null ? null : old.value();
        VA newAgg = logic.add(record.key(), record.value(), oldAgg);
        long ts = old == null ? record.timestamp() : Math.max(record.timestamp(), old.timestamp());
        store.put(record.key(), ValueAndTimestamp.make(newAgg, ts));
        forwarder.maybeForward(record.withTimestamp(ts), newAgg, oldAgg);
    }
}
