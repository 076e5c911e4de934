package io.runnel.streams.kstream.internals;

import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.processor.internals.InternalProcessorContext;
import io.runnel.streams.processor.internals.ProcessorNode;
import io.runnel.streams.state.ValueAndTimestamp;
import io.runnel.streams.state.internals.CachedStateStore;

import java.util.function.Function;

/**
 * Sends a materialized KTable's updates downstream as {@link Change}s, with or without the record cache (Kafka's
 * {@code TimestampedTupleForwarder}). With caching on, the store's flush listener forwards the latest value of each
 * key (with the value it replaced) when the cache flushes at a commit or evicts, and {@link #maybeForward} does
 * nothing: this is how the cache thins updates. With caching off, {@link #maybeForward} forwards every update at
 * once. Created in the processor's {@code init}; task thread only.
 *
 * @param <K> the key type (the windowed key for window and session stores)
 * @param <V> the value type
 */
public final class KTableForwarder<K, V> {

    private final ProcessorContext<K, Change<V>> context;
    private final boolean cached;

    /**
     * Forwarder of a timestamped key-value or window store.
     *
     * @param <K>     the key type
     * @param <V>     the value type
     * @param store   the store (typed stack)
     * @param context the processor's context, while its node is current (in {@code init})
     * @return the forwarder
     */
    public static <K, V> KTableForwarder<K, V> timestamped(StateStore store, ProcessorContext<K, Change<V>> context) {
        return new KTableForwarder<>(store, context, (ValueAndTimestamp<V> vt) -> vt == null ? null : vt.value(),
                (k, vt, ts) -> vt != null ? vt.timestamp() : ts);
    }

    /**
     * Forwarder of a session store (plain values; the timestamp forwarded is the session's end).
     *
     * @param <K>     the key type
     * @param <V>     the aggregate type
     * @param store   the session store
     * @param context the context, in {@code init}
     * @return the forwarder
     */
    public static <K extends io.runnel.streams.kstream.Windowed<?>, V> KTableForwarder<K, V> session(
            StateStore store, ProcessorContext<K, Change<V>> context) {
        return new KTableForwarder<>(store, context, (V v) -> v, (k, v, ts) -> k.window().end());
    }

    /** Chooses the timestamp of a flushed entry. */
    private interface Timestamp<K, S> {
        long of(K key, S storedNew, long recordTimestamp);
    }

    @SuppressWarnings("unchecked") // the typed stack's flush listener has the store's own key and value types
    private <S> KTableForwarder(StateStore store, ProcessorContext<K, Change<V>> context, Function<S, V> unwrap,
                                Timestamp<K, S> timestamp) {
        this.context = context;
        if (store instanceof CachedStateStore<?, ?> cachedStore) {
            InternalProcessorContext internal = InternalProcessorContext.of(context);
            ProcessorNode<?, ?, ?, ?> node = internal.currentNode();
            this.cached = ((CachedStateStore<K, S>) cachedStore).setFlushListener(
                    (key, newValue, oldValue, ts) -> {
                        V n = unwrap.apply(newValue);
                        V o = unwrap.apply(oldValue);
                        if (n == null && o == null) {
                            return;
                        }
                        internal.forwardFrom(node, new Record<>(key, new Change<>(n, o),
                                timestamp.of(key, newValue, ts)));
                    }, true);
        } else {
            this.cached = false;
        }
    }

    /**
     * Forwards an update unless the cache will.
     *
     * @param record   the record carrying key, timestamp and headers
     * @param newValue the new value, or null
     * @param oldValue the old value, or null
     */
    public void maybeForward(Record<K, ?> record, V newValue, V oldValue) {
        if (!cached) {
            context.forward(record.withValue(new Change<>(newValue, oldValue)));
        }
    }

    /** @return true if the cache forwards */
    public boolean isCached() {
        return cached;
    }
}
