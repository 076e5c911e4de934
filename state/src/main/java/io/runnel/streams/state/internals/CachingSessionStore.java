package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.SessionStore;

import java.util.List;

/**
 * The caching layer of session stores. Cache keys are {@link SessionKeySchema} store keys, so cached sessions merge
 * with the store's (key, end, start)-ordered results. Used by one task thread.
 */
public class CachingSessionStore extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<Bytes, byte[]>, CachedStateStore<Windowed<Bytes>, byte[]> {

    private NamedCache cache;
    private StateStoreContext context;
    private CacheFlushListener<Windowed<Bytes>, byte[]> flushListener;
    private boolean sendOldValues;

    /** @param wrapped the store below */
    public CachingSessionStore(SessionStore<Bytes, byte[]> wrapped) {
        super(wrapped);
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
            Windowed<Bytes> sessionKey = SessionKeySchema.toWindowed(e.key().get());
            byte[] old = flushListener != null && sendOldValues ? wrapped().fetchSession(sessionKey.key(),
                    sessionKey.window().start(), sessionKey.window().end()) : null;
            wrapped().put(sessionKey, e.newValue());
            if (flushListener != null) {
                flushListener.apply(sessionKey, e.newValue(), old, e.timestamp());
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
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        ensureOpen();
        StoreGuards.requireKey(sessionKey, name());
        StoreGuards.requireKey(sessionKey.key(), name());
        cache.put(SessionKeySchema.toStoreKey(sessionKey.key().get(), sessionKey.window().start(),
                sessionKey.window().end()), aggregate, context.recordTimestamp());
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        put(sessionKey, null);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStart, long sessionEnd) {
        ensureOpen();
        StoreGuards.requireKey(key, name());
        NamedCache.Entry entry = cache.get(SessionKeySchema.toStoreKey(key.get(), sessionStart, sessionEnd));
        return entry != null ? entry.value() : wrapped().fetchSession(key, sessionStart, sessionEnd);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        StoreGuards.requireKey(key, name());
        return find(key, key, earliestSessionEndTime, latestSessionStartTime, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
                                                                         long latestSessionStartTime) {
        StoreGuards.requireKey(key, name());
        return find(key, key, earliestSessionEndTime, latestSessionStartTime, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
                                                                 long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        return find(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
                                                                         long earliestSessionEndTime,
                                                                         long latestSessionStartTime) {
        return find(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        StoreGuards.requireKey(key, name());
        return find(key, key, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
        StoreGuards.requireKey(key, name());
        return find(key, key, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return find(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
        return find(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> find(Bytes keyFrom, Bytes keyTo, long earliestEnd,
                                                           long latestStart, boolean forward) {
        ensureOpen();
        if (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
            return Iterators.empty();
        }
        List<KeyValue<Bytes, NamedCache.Entry>> cached = cache.range(SessionKeySchema.lowerBound(keyFrom, earliestEnd),
                SessionKeySchema.upperBound(keyTo), forward);
        cached.removeIf(kv -> SessionKeySchema.extractEnd(kv.key.get()) < earliestEnd
                || SessionKeySchema.extractStart(kv.key.get()) > latestStart);
        KeyValueIterator<Windowed<Bytes>, byte[]> store = forward
                ? wrapped().findSessions(keyFrom, keyTo, earliestEnd, latestStart)
                : wrapped().backwardFindSessions(keyFrom, keyTo, earliestEnd, latestStart);
        KeyValueIterator<Bytes, byte[]> storeByKey = Iterators.map(store, kv -> KeyValue.pair(
                SessionKeySchema.toStoreKey(kv.key.key().get(), kv.key.window().start(), kv.key.window().end()),
                kv.value));
        return Iterators.map(CacheMerge.merge(cached, storeByKey, forward),
                kv -> KeyValue.pair(SessionKeySchema.toWindowed(kv.key.get()), kv.value));
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
