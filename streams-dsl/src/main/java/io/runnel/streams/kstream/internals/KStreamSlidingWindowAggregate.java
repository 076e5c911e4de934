package io.runnel.streams.kstream.internals;

import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.SlidingWindows;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.TimestampedWindowStore;
import io.runnel.streams.state.ValueAndTimestamp;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/*
 * Design: sliding windows from the records themselves.
 *
 * With time difference d, the windows of a key are [t - d, t] for every record at t (its "left" window; [0, d]
 * for records before d) and [p + 1, p + 1 + d] after every record at p when some record follows within d (its
 * "right" window); a window's aggregate covers every record in it. A new record at t
 *   1. adds itself to every existing window containing it (start in [t - d, t]),
 *   2. creates the windows containing it that do not exist yet: its own left window, the right windows of the
 *      records in [t - d - 1, t - 1] (which were empty of followers until now), and its own right window if
 *      records follow it within d (an out-of-order record).
 * Kafka derives new windows' aggregates from neighbouring windows' aggregates; here a window store of the raw
 * records (retaining duplicates, kept for 2d + grace) lets a new window fold exactly the records it covers, in
 * timestamp order. That costs a second store (<store>-records) and a scan per created window, and gives the same
 * results for aggregations that do not depend on record order.
 *
 * A window is open while stream time is before its end + grace; a record whose windows are all closed
 * (t + d <= stream time - grace) is dropped and counted.
 */
/**
 * Count, reduce and aggregate per key and sliding window ({@link SlidingWindows}); results are keyed by
 * {@link Windowed} keys whose window is {@code [start, start + d]}.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VA> the aggregate type
 */
final class KStreamSlidingWindowAggregate<K, V, VA> extends ContextualProcessor<K, V, Windowed<K>, Change<VA>> {

    private final String storeName;
    private final String recordsStoreName;
    private final SlidingWindows windows;
    private final AggregationLogic<K, V, VA> logic;
    private TimestampedWindowStore<K, VA> store;
    private WindowStore<K, V> records;
    private KTableForwarder<Windowed<K>, VA> forwarder;
    private DroppedRecords dropped;
    private long observedStreamTime = -1L;

    private KStreamSlidingWindowAggregate(String storeName, String recordsStoreName, SlidingWindows windows,
                                          AggregationLogic<K, V, VA> logic) {
        this.storeName = storeName;
        this.recordsStoreName = recordsStoreName;
        this.windows = windows;
        this.logic = logic;
    }

    /**
     * @param <K>              the key type
     * @param <V>              the value type
     * @param <VA>             the aggregate type
     * @param storeName        the windows' store
     * @param recordsStoreName the raw records' store
     * @param windows          the windows
     * @param logic            count, reduce or aggregate
     * @return the supplier
     */
    static <K, V, VA> ProcessorSupplier<K, V, Windowed<K>, Change<VA>> supplier(String storeName,
                                                                               String recordsStoreName,
                                                                               SlidingWindows windows,
                                                                               AggregationLogic<K, V, VA> logic) {
        return () -> new KStreamSlidingWindowAggregate<>(storeName, recordsStoreName, windows, logic);
    }

    @Override
    public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        records = context.getStateStore(recordsStoreName);
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
        K key = record.key();
        long t = record.timestamp();
        long d = windows.timeDifferenceMs();
        observedStreamTime = Math.max(observedStreamTime, t);
        long closeTime = Math.max(observedStreamTime, context().currentStreamTimeMs()) - windows.gracePeriodMs();
        if (t + d <= closeTime) {
            dropped.drop("expired window (stream time " + (closeTime + windows.gracePeriodMs()) + " ms is past every"
                    + " window's end plus the grace period of " + windows.gracePeriodMs() + " ms)", record);
            return;
        }
        records.put(key, record.value(), t);

        Set<Long> existing = new HashSet<>();
        try (WindowStoreIterator<ValueAndTimestamp<VA>> it = store.fetch(key, Math.max(0L, t - d), t)) {
            while (it.hasNext()) {
                KeyValue<Long, ValueAndTimestamp<VA>> w = it.next();
                existing.add(w.key);
                if (w.key + d <= closeTime) {
                    continue;
                }
                VA oldAgg = w.value.value();
                VA newAgg = logic.add(key, record.value(), oldAgg);
                long ts = Math.max(t, w.value.timestamp());
                store.put(key, ValueAndTimestamp.make(newAgg, ts), w.key);
                forward(record, w.key, newAgg, oldAgg, ts);
            }
        }

        TreeSet<Long> candidates = new TreeSet<>();
        candidates.add(Math.max(0L, t - d));
        candidates.add(t + 1);
        try (WindowStoreIterator<V> it = records.fetch(key, Math.max(0L, t - d - 1), t - 1)) {
            while (it.hasNext()) {
                candidates.add(it.next().key + 1);
            }
        }
        for (long start : candidates) {
            if (existing.contains(start) || start + d <= closeTime) {
                continue;
            }
            VA agg = null;
            long ts = -1L;
            try (WindowStoreIterator<V> it = records.fetch(key, start, start + d)) {
                while (it.hasNext()) {
                    KeyValue<Long, V> r = it.next();
                    agg = logic.add(key, r.value, agg);
                    ts = Math.max(ts, r.key);
                }
            }
            if (agg != null) {
                store.put(key, ValueAndTimestamp.make(agg, ts), start);
                forward(record, start, agg, null, ts);
            }
        }
    }

    private void forward(Record<K, V> record, long start, VA newAgg, VA oldAgg, long ts) {
        Windowed<K> windowed = new Windowed<>(record.key(), new TimeWindow(start, start + windows.timeDifferenceMs()));
        forwarder.maybeForward(record.withKey(windowed).withTimestamp(ts), newAgg, oldAgg);
    }
}
