package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.ValueJoinerWithKey;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.ValueAndTimestamp;

/**
 * A KStream-KTable join: each stream record looks up the table's current row through the table's value getter.
 * The result keeps the stream record's timestamp (Kafka's rule for stream-table joins: the table is a lookup).
 * Inner joins drop records with a null key or value or without a row; left joins join a null key or a missing row
 * with null and drop only null values (KIP-962). Table updates do not trigger the join.
 *
 * @param <K>  the key type
 * @param <V>  the stream value type
 * @param <VT> the table value type
 * @param <VR> the result type
 */
final class KStreamKTableJoin<K, V, VT, VR> extends ContextualProcessor<K, V, K, VR> {

    private final KTableValueGetter<K, VT> getter;
    private final ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner;
    private final boolean left;
    private DroppedRecords dropped;

    private KStreamKTableJoin(KTableValueGetter<K, VT> getter,
                              ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
                              boolean left) {
        this.getter = getter;
        this.joiner = joiner;
        this.left = left;
    }

    /**
     * @param <K>    the key type
     * @param <V>    the stream value type
     * @param <VT>   the table value type
     * @param <VR>   the result type
     * @param getter reads the table
     * @param joiner computes results
     * @param left   true for a left join
     * @return the supplier
     */
    static <K, V, VT, VR> ProcessorSupplier<K, V, K, VR> supplier(
            KTableValueGetterSupplier<K, VT> getter,
            ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner, boolean left) {
        return () -> new KStreamKTableJoin<>(getter.get(), joiner, left);
    }

    @Override
    public void init(ProcessorContext<K, VR> context) {
        super.init(context);
        getter.init(context);
        dropped = new DroppedRecords(context);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.value() == null) {
            dropped.drop("null value in a stream-table join", record);
            return;
        }
        if (record.key() == null) {
            if (left) {
                context().forward(record.withValue(joiner.apply(null, record.value(), null)));
            } else {
                dropped.drop("null key in a stream-table join", record);
            }
            return;
        }
        ValueAndTimestamp<VT> row = getter.get(record.key());
        if (row == null && !left) {
            return;
        }
        context().forward(record.withValue(joiner.apply(record.key(), record.value(),
                row == null ? null : row.value())));
    }
}
