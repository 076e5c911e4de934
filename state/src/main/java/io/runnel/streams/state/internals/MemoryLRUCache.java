package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.RecordBatchingStateRestoreCallback;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An in-memory bytes store that holds at most a maximum number of entries and evicts the least recently used
 * (read or written) one beyond it: {@code Stores.lruMap}, Kafka's {@code MemoryLRUCache}.
 *
 * <p>Why a JDK {@link LinkedHashMap} in access order rather than Caffeine: the store must evict exactly the least
 * recently used entry, synchronously within the {@code put} that overflows it, so that the change-logging layer can
 * log a tombstone for it in order (the changelog must describe the store's content). Caffeine's size eviction is
 * W-TinyLFU, which may evict the newest entry instead and runs in its maintenance cycle.
 *
 * <p>Range queries sort a snapshot of the keys (O(n log n)); the store is meant for small maps.
 */
public final class MemoryLRUCache implements KeyValueStore<Bytes, byte[]> {

    private final String name;
    private final int maxEntries;
    private final ValueFormat valueFormat;
    private final LinkedHashMap<Bytes, byte[]> map;
    private Consumer<Bytes> evictionListener = k -> { };
    private volatile boolean open;

    /**
     * @param name       the store name
     * @param maxEntries the maximum number of entries, positive
     * @throws IllegalArgumentException if {@code maxEntries} is not positive
     */
    public MemoryLRUCache(String name, int maxEntries) {
        this(name, maxEntries, ValueFormat.PLAIN);
    }

    /**
     * @param name        the store name
     * @param maxEntries  the maximum number of entries, positive
     * @param valueFormat how restored changelog values become store values
     * @throws IllegalArgumentException if {@code maxEntries} is not positive
     */
    public MemoryLRUCache(String name, int maxEntries, ValueFormat valueFormat) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("lruMap " + name + " needs a positive maximum number of entries, got "
                    + maxEntries);
        }
        this.name = name;
        this.maxEntries = maxEntries;
        this.valueFormat = valueFormat;
        this.map = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, byte[]> eldest) {
                if (size() > MemoryLRUCache.this.maxEntries) {
                    remove(eldest.getKey());
                    evictionListener.accept(eldest.getKey());
                }
                return false;
            }
        };
    }

    /**
     * @param listener called with each evicted key, synchronously within the put that caused it
     */
    public void setEvictionListener(Consumer<Bytes> listener) {
        this.evictionListener = listener;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        if (open) {
            throw new IllegalStateException("Store " + name + " is already initialised");
        }
        open = true;
        context.register(root, (RecordBatchingStateRestoreCallback) this::restoreBatch);
    }

    private void restoreBatch(Collection<ChangelogRecord> records) {
        for (ChangelogRecord r : records) {
            put(Bytes.wrap(r.key()), valueFormat.fromChangelog(r.value(), r.timestamp()));
        }
    }

    @Override
    public void flush() {
        StoreGuards.ensureOpen(open, name);
    }

    @Override
    public void close() {
        open = false;
        map.clear();
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        StoreGuards.ensureOpen(open, name);
        return map.get(StoreGuards.requireKey(key, name));
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
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
    public synchronized byte[] delete(Bytes key) {
        StoreGuards.ensureOpen(open, name);
        return map.remove(StoreGuards.requireKey(key, name));
    }

    /** @return the number of entries */
    public synchronized int size() {
        return map.size();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return snapshot(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return snapshot(from, to, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return snapshot(null, null, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return snapshot(null, null, false);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        return BytesPrefix.scan(this, prefix, prefixSerializer, name);
    }

    @Override
    public synchronized long approximateNumEntries() {
        StoreGuards.ensureOpen(open, name);
        return map.size();
    }

    private synchronized KeyValueIterator<Bytes, byte[]> snapshot(Bytes from, Bytes to, boolean forward) {
        StoreGuards.ensureOpen(open, name);
        List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>();
        // iterate over entrySet: does not change access order
        for (Map.Entry<Bytes, byte[]> e : map.entrySet()) {
            if ((from == null || e.getKey().compareTo(from) >= 0) && (to == null || e.getKey().compareTo(to) <= 0)) {
                entries.add(KeyValue.pair(e.getKey(), e.getValue()));
            }
        }
        entries.sort((a, b) -> forward ? a.key.compareTo(b.key) : b.key.compareTo(a.key));
        java.util.Iterator<KeyValue<Bytes, byte[]>> it = entries.iterator();
        return new AbstractKeyValueIterator<>() {
            @Override
            protected KeyValue<Bytes, byte[]> computeNext() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            protected void checkUsable() {
                StoreGuards.ensureOpen(open, name);
            }
        };
    }
}
