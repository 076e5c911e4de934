package io.runnel.streams.kstream.internals;

import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

/**
 * The processor turning a changelog stream into a table ({@code StreamsBuilder.table}, {@code KStream.toTable}):
 * each record upserts its key in the table's timestamped store, a null value deletes it, and the update goes
 * downstream as a {@link Change} (through the record cache when it is on). Records with a null key are dropped and
 * counted; a tombstone for a missing key changes nothing and is not forwarded. An update older than the stored
 * row's timestamp still replaces it (Kafka's behaviour for non-versioned stores).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KTableSource<K, V> extends ContextualProcessor<K, V, K, Change<V>> {

    private final String storeName;
    private TimestampedKeyValueStore<K, V> store;
    private KTableForwarder<K, V> forwarder;
    private DroppedRecords dropped;

    private KTableSource(String storeName) {
        this.storeName = storeName;
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the table's store
     * @return the supplier
     */
    static <K, V> ProcessorSupplier<K, V, K, Change<V>> supplier(String storeName) {
        return () -> new KTableSource<>(storeName);
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the global table's store
     * @return a processor that only keeps the store up to date (global tables do not forward)
     */
    static <K, V> ProcessorSupplier<K, V, Void, Void> globalSupplier(String storeName) {
        return () -> new Processor<K, V, Void, Void>() {
            private TimestampedKeyValueStore<K, V> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() == null) {
                    return;
                }
                store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<K, Change<V>> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        forwarder = KTableForwarder.timestamped(store, context);
        dropped = new DroppedRecords(context);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.key() == null) {
            dropped.drop("null key in a table's input", record);
            return;
        }
        ValueAndTimestamp<V> old = store.get(record.key());
        if (old == null && record.value() == null) {
            return;
        }
        store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        forwarder.maybeForward(record, record.value(), old == null ? null : old.value());
    }
}
