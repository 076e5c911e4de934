package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.RecordBatchingStateRestoreCallback;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A sorted in-memory bytes key-value store (Kafka's {@code InMemoryKeyValueStore}), also used as a segment of
 * in-memory window and session stores. Keys are ordered as unsigned bytes, like RocksDB, so both engines iterate
 * alike. Backed by a {@link ConcurrentSkipListMap}: iterators are weakly consistent, so a caller may write to the
 * store while iterating (it may or may not see its own writes). Not persistent: a restart restores from the
 * changelog.
 */
public class InMemoryKeyValueStore implements Segment {

    private final String name;
    private final long segmentId;
    private final ValueFormat valueFormat;
    private final ConcurrentSkipListMap<Bytes, byte[]> map = new ConcurrentSkipListMap<>();
    private volatile boolean open;

    /**
     * @param name        the store name
     * @param valueFormat how restored changelog values become store values
     */
    public InMemoryKeyValueStore(String name, ValueFormat valueFormat) {
        this(name, -1, valueFormat);
    }

    private InMemoryKeyValueStore(String name, long segmentId, ValueFormat valueFormat) {
        this.name = name;
        this.segmentId = segmentId;
        this.valueFormat = valueFormat;
    }

    /**
     * @return a factory of in-memory segments
     */
    public static Segment.Factory segmentFactory() {
        return (storeName, id, startMs) -> {
            InMemoryKeyValueStore segment = new InMemoryKeyValueStore(storeName + "." + startMs, id, ValueFormat.PLAIN);
            segment.open = true;
            return segment;
        };
    }

    @Override
    public long id() {
        return segmentId;
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
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
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
    public void destroy() {
        close();
    }

    @Override
    public byte[] get(Bytes key) {
        StoreGuards.ensureOpen(open, name);
        return map.get(StoreGuards.requireKey(key, name));
    }

    @Override
    public void put(Bytes key, byte[] value) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
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
    public void writeBatch(List<KeyValue<Bytes, byte[]>> entries) {
        putAll(entries);
    }

    @Override
    public byte[] delete(Bytes key) {
        StoreGuards.ensureOpen(open, name);
        return map.remove(StoreGuards.requireKey(key, name));
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return iterate(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return iterate(from, to, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return iterate(null, null, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return iterate(null, null, false);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        return BytesPrefix.scan(this, prefix, prefixSerializer, name);
    }

    @Override
    public long approximateNumEntries() {
        StoreGuards.ensureOpen(open, name);
        return map.size();
    }

    private KeyValueIterator<Bytes, byte[]> iterate(Bytes from, Bytes to, boolean forward) {
        StoreGuards.ensureOpen(open, name);
        if (from != null && to != null && from.compareTo(to) > 0) {
            return Iterators.empty();
        }
        NavigableMap<Bytes, byte[]> view = map;
        if (from != null && to != null) {
            view = map.subMap(from, true, to, true);
        } else if (from != null) {
            view = map.tailMap(from, true);
        } else if (to != null) {
            view = map.headMap(to, true);
        }
        if (!forward) {
            view = view.descendingMap();
        }
        java.util.Iterator<Map.Entry<Bytes, byte[]>> it = view.entrySet().iterator();
        return new AbstractKeyValueIterator<>() {
            @Override
            protected KeyValue<Bytes, byte[]> computeNext() {
                if (!it.hasNext()) {
                    return null;
                }
                Map.Entry<Bytes, byte[]> e = it.next();
                return KeyValue.pair(e.getKey(), e.getValue());
            }

            @Override
            protected void checkUsable() {
                StoreGuards.ensureOpen(open, name);
            }
        };
    }
}
