package io.runnel.streams.kstream.internals;

import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Aggregator;
import io.runnel.streams.kstream.Initializer;
import io.runnel.streams.kstream.Merger;
import io.runnel.streams.kstream.SessionWindows;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.SessionStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Count, reduce and aggregate per key and session ({@link SessionWindows}): a record joins every session of its key
 * within the inactivity gap; their aggregates are merged (Merger), the record is added (Aggregator), the merged
 * session {@code [min start, max end]} replaces them, and every replaced session is deleted downstream (a
 * {@code Change} with a null new value). Forwarded records carry the session's end as timestamp.
 *
 * <p>A session closes when stream time passes its end plus the gap plus the grace period (Kafka's rule); a record
 * that would only create or extend closed sessions is dropped and counted.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VA> the aggregate type
 */
final class KStreamSessionWindowAggregate<K, V, VA> extends ContextualProcessor<K, V, Windowed<K>, Change<VA>> {

    private final String storeName;
    private final SessionWindows windows;
    private final Initializer<VA> initializer;
    private final Aggregator<? super K, ? super V, VA> aggregator;
    private final Merger<? super K, VA> merger;
    private SessionStore<K, VA> store;
    private KTableForwarder<Windowed<K>, VA> forwarder;
    private DroppedRecords dropped;
    private long observedStreamTime = -1L;

    private KStreamSessionWindowAggregate(String storeName, SessionWindows windows, Initializer<VA> initializer,
                                          Aggregator<? super K, ? super V, VA> aggregator,
                                          Merger<? super K, VA> merger) {
        this.storeName = storeName;
        this.windows = windows;
        this.initializer = initializer;
        this.aggregator = aggregator;
        this.merger = merger;
    }

    /**
     * @param <K>         the key type
     * @param <V>         the value type
     * @param <VA>        the aggregate type
     * @param storeName   the session store
     * @param windows     the session windows
     * @param initializer a new session's aggregate
     * @param aggregator  adds a value
     * @param merger      merges two sessions
     * @return the supplier
     */
    static <K, V, VA> ProcessorSupplier<K, V, Windowed<K>, Change<VA>> supplier(
            String storeName, SessionWindows windows, Initializer<VA> initializer,
            Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger) {
        return () -> new KStreamSessionWindowAggregate<>(storeName, windows, initializer, aggregator, merger);
    }

    @Override
    public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        forwarder = KTableForwarder.session(store, context);
        dropped = new DroppedRecords(context);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.key() == null || record.value() == null) {
            dropped.drop(record.key() == null ? "null key in a session aggregation"
                    : "null value in a session aggregation", record);
            return;
        }
        K key = record.key();
        long t = record.timestamp();
        long gap = windows.inactivityGap();
        observedStreamTime = Math.max(observedStreamTime, t);
        long closeTime = Math.max(observedStreamTime, context().currentStreamTimeMs()) - windows.gracePeriodMs()
                - gap;
        List<KeyValue<Windowed<K>, VA>> merged = new ArrayList<>();
        long start = t;
        long end = t;
        try (KeyValueIterator<Windowed<K>, VA> it = store.findSessions(key, t - gap, t + gap)) {
            while (it.hasNext()) {
                KeyValue<Windowed<K>, VA> session = it.next();
                merged.add(session);
                start = Math.min(start, session.key.window().start());
                end = Math.max(end, session.key.window().end());
            }
        }
        if (end < closeTime) {
            dropped.drop("expired session (stream time " + (closeTime + gap + windows.gracePeriodMs()) + " ms is past"
                    + " the session's end plus the gap plus the grace period of " + windows.gracePeriodMs() + " ms)",
                    record);
            return;
        }
        SessionWindow window = new SessionWindow(start, end);
        VA agg = initializer.apply();
        VA old = null;
        for (KeyValue<Windowed<K>, VA> session : merged) {
            agg = merger.apply(key, agg, session.value);
            if (session.key.window().equals(window)) {
                old = session.value;
            } else {
                store.remove(session.key);
                forwarder.maybeForward(record.withKey(session.key).withTimestamp(session.key.window().end()), null,
                        session.value);
            }
        }
        agg = aggregator.apply(key, record.value(), agg);
        Windowed<K> windowed = new Windowed<>(key, window);
        store.put(windowed, agg);
        forwarder.maybeForward(record.withKey(windowed).withTimestamp(end), agg, old);
    }
}
