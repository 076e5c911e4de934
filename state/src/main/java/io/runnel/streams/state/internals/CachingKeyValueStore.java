package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/*
 * Design: write-back caching of a key-value bytes store.
 *
 * Writes go to the store's NamedCache only (dirty). Reads look in the cache first (a pending delete answers null)
 * and cache what they read from the store (clean). Range scans merge a sorted snapshot of the cache with the
 * store's iterator. On flush (commit) or when the instance's cache is over budget and this store's eldest entry is
 * dirty, every dirty entry is written down in last-write order and, if a flush listener is set, forwarded with the
 * old value read from the store just before it is overwritten. Twenty updates of one key between two commits thus
 * reach the store, the changelog and downstream once.
 */
/**
 * The caching layer of key-value stores. Used by one task thread.
 */
public class CachingKeyValueStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<Bytes, byte[]>, CachedStateStore<Bytes, byte[]> {

    private NamedCache cache;
    private StateStoreContext context;
    private CacheFlushListener<Bytes, byte[]> flushListener;
    private boolean sendOldValues;

    /** @param wrapped the store below (change logging or bytes store) */
    public CachingKeyValueStore(KeyValueStore<Bytes, byte[]> wrapped) {
        super(wrapped);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        super.init(context, root);
        this.context = context;
        this.cache = context.resources().cache().namedCache(context.taskId() + "-" + name(), this::writeDown);
    }

    private void writeDown(List<NamedCache.DirtyEntry> entries) {
        if (flushListener == null) {
            List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>(entries.size());
            for (NamedCache.DirtyEntry e : entries) {
                batch.add(KeyValue.pair(e.key(), e.newValue()));
            }
            wrapped().putAll(batch);
            return;
        }
        for (NamedCache.DirtyEntry e : entries) {
            byte[] old = sendOldValues ? wrapped().get(e.key()) : null;
            wrapped().put(e.key(), e.newValue());
            flushListener.apply(e.key(), e.newValue(), old, e.timestamp());
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        this.flushListener = listener;
        this.sendOldValues = sendOldValues;
        return true;
    }

    private void ensureOpen() {
        StoreGuards.ensureOpen(cache != null && isOpen(), name());
    }

    @Override
    public byte[] get(Bytes key) {
        ensureOpen();
        StoreGuards.requireKey(key, name());
        NamedCache.Entry entry = cache.get(key);
        if (entry != null) {
            return entry.value();
        }
        byte[] value = wrapped().get(key);
        if (value != null) {
            cache.putClean(key, value);
        }
        return value;
    }

    @Override
    public void put(Bytes key, byte[] value) {
        ensureOpen();
        StoreGuards.requireKey(key, name());
        cache.put(key, value, context.recordTimestamp());
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (KeyValue<Bytes, byte[]> kv : entries) {
            put(kv.key, kv.value);
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] old = get(key);
        put(key, null);
        return old;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return merged(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return merged(from, to, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return merged(null, null, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return merged(null, null, false);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        ensureOpen();
        return BytesPrefix.scan(this, prefix, prefixSerializer, name());
    }

    private KeyValueIterator<Bytes, byte[]> merged(Bytes from, Bytes to, boolean forward) {
        ensureOpen();
        if (from != null && to != null && from.compareTo(to) > 0) {
            return Iterators.empty();
        }
        KeyValueIterator<Bytes, byte[]> store = forward ? wrapped().range(from, to) : wrapped().reverseRange(from, to);
        return CacheMerge.merge(cache.range(from, to, forward), store, forward);
    }

    /** @return the store's estimate; cached entries not yet written down are not counted */
    @Override
    public long approximateNumEntries() {
        ensureOpen();
        return wrapped().approximateNumEntries();
    }

    @Override
    public void flush() {
        ensureOpen();
        cache.flush();
        super.flush();
    }

    /** Writes the cache down (forwarding to the listener), leaves the shared cache, then closes the store below. */
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
