package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.TimeWindows;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.TimestampedWindowStore;
import io.runnel.streams.state.ValueAndTimestamp;

import java.util.Map;

/**
 * Count, reduce and aggregate per key and tumbling or hopping window: adds each record to every window containing
 * its timestamp that is still open, and sends each window's new aggregate downstream keyed by {@link Windowed}.
 *
 * <p>A window {@code [start, end)} is open while stream time is before {@code end + grace} (Kafka's rule); stream
 * time is the larger of the largest timestamp this processor has seen and the task's stream time (which survives
 * restarts through the committed offsets' metadata). A record whose windows include a closed one is late: it is
 * added to the open ones only, logged and counted once in {@code TaskMetadata.droppedRecords()} (Kafka counts
 * every skipped window). Records with a null key or value are dropped and counted.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VA> the aggregate type
 */
final class KStreamWindowAggregate<K, V, VA> extends ContextualProcessor<K, V, Windowed<K>, Change<VA>> {

    private final String storeName;
    private final TimeWindows windows;
    private final AggregationLogic<K, V, VA> logic;
    private TimestampedWindowStore<K, VA> store;
    private KTableForwarder<Windowed<K>, VA> forwarder;
    private DroppedRecords dropped;
    private long observedStreamTime = -1L;

    private KStreamWindowAggregate(String storeName, TimeWindows windows, AggregationLogic<K, V, VA> logic) {
        this.storeName = storeName;
        this.windows = windows;
        this.logic = logic;
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param <VA>      the aggregate type
     * @param storeName the window store
     * @param windows   the windows
     * @param logic     count, reduce or aggregate
     * @return the supplier
     */
    static <K, V, VA> ProcessorSupplier<K, V, Windowed<K>, Change<VA>> supplier(String storeName, TimeWindows windows,
                                                                               AggregationLogic<K, V, VA> logic) {
        return () -> new KStreamWindowAggregate<>(storeName, windows, logic);
    }

    @Override
    public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        forwarder = KTableForwarder.timestamped(store, context);
        dropped = new DroppedRecords(context);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.key() == null || record.value() == null) {
            dropped.drop(record.key() == null ? "null key in a windowed aggregation"
                    : "null value in a windowed aggregation", record);
            return;
        }
        long timestamp = record.timestamp();
        observedStreamTime = Math.max(observedStreamTime, timestamp);
        long streamTime = Math.max(observedStreamTime, context().currentStreamTimeMs());
        long closeTime = streamTime - windows.gracePeriodMs();
        boolean late = false;
        for (Map.Entry<Long, TimeWindow> entry : windows.windowsFor(timestamp).entrySet()) {
            long start = entry.getKey();
            TimeWindow window = entry.getValue();
            if (window.end() <= closeTime) {
                late = true;
                continue;
            }
            ValueAndTimestamp<VA> old = store.fetch(record.key(), start);
            VA oldAgg = old == null ? null : old.value();
            VA newAgg = logic.add(record.key(), record.value(), oldAgg);
            long ts = old == null ? timestamp : Math.max(timestamp, old.timestamp());
            store.put(record.key(), ValueAndTimestamp.make(newAgg, ts), start);
            forwarder.maybeForward(record.withKey(new Windowed<>(record.key(), window)).withTimestamp(ts), newAgg,
                    oldAgg);
        }
        if (late) {
            dropped.drop("expired window (stream time " + streamTime + " ms is past a window's end plus the grace"
                    + " period of " + windows.gracePeriodMs() + " ms)", record);
        }
    }
}
