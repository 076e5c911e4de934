package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.kstream.internals.TimeWindow;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;

import java.util.List;

/**
 * The caching layer of window stores (not used when duplicates are retained, as in Kafka). Cache keys are
 * {@link WindowKeySchema} store keys, so cached entries merge with the store's (key, start)-ordered results. Used by
 * one task thread.
 */
public class CachingWindowStore extends WrappedStateStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<Bytes, byte[]>, CachedStateStore<Windowed<Bytes>, byte[]> {

    private final long windowSize;
    private NamedCache cache;
    private StateStoreContext context;
    private CacheFlushListener<Windowed<Bytes>, byte[]> flushListener;
    private boolean sendOldValues;

    /**
     * @param wrapped    the store below
     * @param windowSize the window size in ms
     */
    public CachingWindowStore(WindowStore<Bytes, byte[]> wrapped, long windowSize) {
        super(wrapped);
        this.windowSize = windowSize;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        super.init(context, root);
        this.context = context;
        this.cache = context.resources().cache().namedCache(context.taskId() + "-" + name(), this::writeDown);
        this.cache.keepFlushedEntries(false);
    }

    private void writeDown(List<NamedCache.DirtyEntry> entries) {
        for (NamedCache.DirtyEntry e : entries) {
            byte[] storeKey = e.key().get();
            Bytes key = WindowKeySchema.extractKey(storeKey);
            long start = WindowKeySchema.extractTimestamp(storeKey);
            byte[] old = flushListener != null && sendOldValues ? wrapped().fetch(key, start) : null;
            wrapped().put(key, e.newValue(), start);
            if (flushListener != null) {
                flushListener.apply(new Windowed<>(key, TimeWindow.forSize(start, windowSize)), e.newValue(), old,
                        e.timestamp());
            }
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Windowed<Bytes>, byte[]> listener, boolean sendOldValues) {
        this.flushListener = listener;
        this.sendOldValues = sendOldValues;
        return true;
    }

    private void ensureOpen() {
        StoreGuards.ensureOpen(cache != null && isOpen(), name());
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTimestamp) {
        ensureOpen();
        StoreGuards.requireKey(key, name());
        cache.put(WindowKeySchema.toStoreKey(key.get(), windowStartTimestamp, 0), value, context.recordTimestamp());
    }

    @Override
    public byte[] fetch(Bytes key, long time) {
        ensureOpen();
        StoreGuards.requireKey(key, name());
        NamedCache.Entry entry = cache.get(WindowKeySchema.toStoreKey(key.get(), time, 0));
        return entry != null ? entry.value() : wrapped().fetch(key, time);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, true);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, false);
    }

    private WindowStoreIterator<byte[]> fetchKey(Bytes key, long timeFrom, long timeTo, boolean forward) {
        ensureOpen();
        StoreGuards.requireKey(key, name());
        if (timeFrom > timeTo) {
            return WindowStoreIterators.wrap(Iterators.empty());
        }
        List<KeyValue<Bytes, NamedCache.Entry>> cached = cache.range(WindowKeySchema.toStoreKey(key.get(), timeFrom, 0),
                WindowKeySchema.toStoreKey(key.get(), timeTo, -1), forward);
        WindowStoreIterator<byte[]> store = forward ? wrapped().fetch(key, timeFrom, timeTo)
                : wrapped().backwardFetch(key, timeFrom, timeTo);
        KeyValueIterator<Bytes, byte[]> storeByKey = Iterators.map(store,
                kv -> KeyValue.pair(WindowKeySchema.toStoreKey(key.get(), kv.key, 0), kv.value));
        return WindowStoreIterators.fromStoreKeys(CacheMerge.merge(cached, storeByKey, forward));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                  long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return fetchRange(null, null, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return fetchRange(null, null, timeFrom, timeTo, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return fetchRange(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return fetchRange(null, null, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> fetchRange(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                long timeTo, boolean forward) {
        ensureOpen();
        if ((keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) || timeFrom > timeTo) {
            return Iterators.empty();
        }
        List<KeyValue<Bytes, NamedCache.Entry>> cached = cache.range(WindowKeySchema.lowerBound(keyFrom, timeFrom),
                WindowKeySchema.upperBound(keyTo, timeTo), forward);
        cached.removeIf(kv -> {
            long ts = WindowKeySchema.extractTimestamp(kv.key.get());
            return ts < timeFrom || ts > timeTo;
        });
        KeyValueIterator<Windowed<Bytes>, byte[]> store;
        if (keyFrom == null && keyTo == null) {
            store = forward ? wrapped().fetchAll(timeFrom, timeTo) : wrapped().backwardFetchAll(timeFrom, timeTo);
        } else {
            store = forward ? wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo)
                    : wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
        }
        KeyValueIterator<Bytes, byte[]> storeByKey = Iterators.map(store, kv -> KeyValue.pair(
                WindowKeySchema.toStoreKey(kv.key.key().get(), kv.key.window().start(), 0), kv.value));
        return Iterators.map(CacheMerge.merge(cached, storeByKey, forward), kv -> KeyValue.pair(
                new Windowed<>(WindowKeySchema.extractKey(kv.key.get()),
                        TimeWindow.forSize(WindowKeySchema.extractTimestamp(kv.key.get()), windowSize)), kv.value));
    }

    @Override
    public void flush() {
        ensureOpen();
        cache.flush();
        super.flush();
    }

    @Override
    public void close() {
        if (cache != null) {
            try {
                if (isOpen()) {
                    cache.flush();
                }
            } finally {
                cache.close();
                cache = null;
                super.close();
            }
        } else {
            super.close();
        }
    }
}
