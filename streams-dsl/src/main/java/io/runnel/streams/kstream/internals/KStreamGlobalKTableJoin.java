package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.KeyValueMapper;
import io.runnel.streams.kstream.ValueJoinerWithKey;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

/**
 * A KStream-GlobalKTable join: each stream record computes the table key with the key selector and looks it up in
 * the global store (a read-only view the runtime gives every task). The result keeps the stream record's
 * timestamp. Inner joins drop records with a null value, a null table key or no row; left joins join a null table
 * key or a missing row with null (KIP-962).
 *
 * @param <K>  the stream key type
 * @param <V>  the stream value type
 * @param <GK> the table key type
 * @param <GV> the table value type
 * @param <VR> the result type
 */
final class KStreamGlobalKTableJoin<K, V, GK, GV, VR> extends ContextualProcessor<K, V, K, VR> {

    private final String storeName;
    private final KeyValueMapper<? super K, ? super V, ? extends GK> keySelector;
    private final ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VR> joiner;
    private final boolean left;
    private ReadOnlyKeyValueStore<GK, ValueAndTimestamp<GV>> store;
    private DroppedRecords dropped;

    private KStreamGlobalKTableJoin(String storeName, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                    ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VR> joiner,
                                    boolean left) {
        this.storeName = storeName;
        this.keySelector = keySelector;
        this.joiner = joiner;
        this.left = left;
    }

    /**
     * @param <K>         the stream key type
     * @param <V>         the stream value type
     * @param <GK>        the table key type
     * @param <GV>        the table value type
     * @param <VR>        the result type
     * @param storeName   the global store
     * @param keySelector computes the table key
     * @param joiner      computes results
     * @param left        true for a left join
     * @return the supplier
     */
    static <K, V, GK, GV, VR> ProcessorSupplier<K, V, K, VR> supplier(
            String storeName, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
            ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VR> joiner, boolean left) {
        return () -> new KStreamGlobalKTableJoin<>(storeName, keySelector, joiner, left);
    }

    @Override
    public void init(ProcessorContext<K, VR> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        dropped = new DroppedRecords(context);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.value() == null) {
            dropped.drop("null value in a stream-global table join", record);
            return;
        }
        GK tableKey = keySelector.apply(record.key(), record.value());
        ValueAndTimestamp<GV> row = tableKey == null ? null : store.get(tableKey);
        if (row == null) {
            if (!left) {
                if (tableKey == null) {
                    dropped.drop("null table key in a stream-global table join", record);
                }
                return;
            }
            context().forward(record.withValue(joiner.apply(record.key(), record.value(), null)));
            return;
        }
        context().forward(record.withValue(joiner.apply(record.key(), record.value(), row.value())));
    }
}
