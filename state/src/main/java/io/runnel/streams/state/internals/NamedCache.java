package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The record cache of one caching store: sorted entries (for range scans), an LRU order (for eviction) and the
 * dirty keys in the order they were last written (for flushing). Entries are raw store keys and values; a dirty
 * entry with a null value is a pending delete. Byte sizes are charged to the shared {@link RecordCache}.
 *
 * <p>Not thread-safe: it belongs to one store, used by one task thread.
 */
public final class NamedCache {

    /** Estimated bytes per entry beyond key and value: hash and tree nodes, LRU and dirty links, the node object. */
    static final long ENTRY_OVERHEAD = 160;

    /** Receives dirty entries in write order when they are flushed (commit) or evicted. */
    @FunctionalInterface
    public interface DirtyEntryFlushListener {
        /**
         * Writes the entries down (and forwards them); called on the store's thread.
         *
         * @param entries dirty entries in the order they were last written
         */
        void apply(List<DirtyEntry> entries);
    }

    /**
     * A dirty entry being flushed.
     *
     * @param key       the store key
     * @param newValue  the latest value, or null for a delete
     * @param timestamp the timestamp (ms) of the record that last wrote it
     */
    public record DirtyEntry(Bytes key, byte[] newValue, long timestamp) {
    }

    /**
     * A cached value.
     *
     * @param value     the value, or null for a pending delete
     * @param timestamp the timestamp of the last write
     */
    public record Entry(byte[] value, long timestamp) {
    }

    private static final class Node {
        final Bytes key;
        byte[] value;
        long timestamp;
        boolean dirty;
        long size;
        Node prev;
        Node next;
        Node dirtyPrev;
        Node dirtyNext;

        Node(Bytes key) {
            this.key = key;
        }
    }

    private final String name;
    private final RecordCache parent;
    private final DirtyEntryFlushListener listener;
    // point lookups hash; the tree is touched only when a key enters or leaves the cache (for range scans)
    private final HashMap<Bytes, Node> index = new HashMap<>();
    private final TreeMap<Bytes, Node> entries = new TreeMap<>();
    private Node eldest;
    private Node youngest;
    // dirty entries in the order they were last written, linked through the nodes (no hashing)
    private Node dirtyHead;
    private Node dirtyTail;
    private int dirtyCount;
    private long sizeBytes;
    private boolean flushing;
    private boolean keepFlushedEntries = true;

    NamedCache(String name, RecordCache parent, DirtyEntryFlushListener listener) {
        this.name = name;
        this.parent = parent;
        this.listener = listener;
    }

    /**
     * Whether flushed entries stay cached (clean) for later reads; true by default. Window and session stores set
     * false: their store drops expired windows, which a clean cached copy would keep answering.
     *
     * @param keep whether to keep flushed entries
     */
    public void keepFlushedEntries(boolean keep) {
        this.keepFlushedEntries = keep;
    }

    /** @return the namespace */
    public String name() {
        return name;
    }

    /**
     * @param key the store key
     * @return the cached entry (its value null for a pending delete), or null if not cached
     */
    public Entry get(Bytes key) {
        Node node = index.get(key);
        if (node == null) {
            parent.misses.increment();
            return null;
        }
        parent.hits.increment();
        touch(node);
        return new Entry(node.value, node.timestamp);
    }

    /**
     * Writes a dirty entry, then evicts least recently used entries of this cache while the instance is over
     * budget (flushing dirty ones first).
     *
     * @param key       the store key
     * @param value     the value, or null for a delete
     * @param timestamp the record timestamp in ms
     */
    public void put(Bytes key, byte[] value, long timestamp) {
        Node node = write(key, value, timestamp);
        if (node.dirty) {
            unlinkDirty(node);
        }
        node.dirty = true;
        linkDirty(node);
        maybeEvict();
    }

    /**
     * Caches a value read from the store (clean: it is never written down).
     *
     * @param key   the store key
     * @param value the value read, not null
     */
    public void putClean(Bytes key, byte[] value) {
        Node existing = index.get(key);
        if (existing != null && existing.dirty) {
            return;
        }
        write(key, value, -1L).dirty = false;
        maybeEvict();
    }

    private Node write(Bytes key, byte[] value, long timestamp) {
        Node node = index.get(key);
        if (node == null) {
            node = new Node(key);
            index.put(key, node);
            entries.put(key, node);
            link(node);
        } else {
            touch(node);
        }
        node.value = value;
        node.timestamp = timestamp;
        long newSize = key.get().length + (value == null ? 0 : value.length) + ENTRY_OVERHEAD;
        charge(newSize - node.size);
        node.size = newSize;
        return node;
    }

    private void charge(long delta) {
        sizeBytes += delta;
        parent.add(delta);
    }

    private void maybeEvict() {
        while (parent.overBudget() && eldest != null && !flushing) {
            Node victim = eldest;
            if (victim.dirty) {
                flush();
            }
            // flush() may have removed the victim (a flushed delete leaves the cache)
            if (index.get(victim.key) == victim) {
                remove(victim);
            }
            parent.evictions.increment();
        }
    }

    private void remove(Node node) {
        if (node.dirty) {
            unlinkDirty(node);
            node.dirty = false;
        }
        index.remove(node.key);
        entries.remove(node.key);
        unlink(node);
        charge(-node.size);
    }

    /**
     * Hands every dirty entry, in write order, to the flush listener; they stay cached as clean entries, except
     * deletes, which leave the cache.
     */
    public void flush() {
        if (dirtyHead == null || flushing) {
            return;
        }
        List<DirtyEntry> batch = new ArrayList<>(dirtyCount);
        List<Node> nodes = new ArrayList<>(dirtyCount);
        for (Node n = dirtyHead; n != null; n = n.dirtyNext) {
            batch.add(new DirtyEntry(n.key, n.value, n.timestamp));
            nodes.add(n);
        }
        for (Node n : nodes) {
            unlinkDirty(n);
            n.dirty = false;
        }
        flushing = true;
        try {
            listener.apply(batch);
        } finally {
            flushing = false;
        }
        for (Node node : nodes) {
            if (node.dirty || index.get(node.key) != node) {
                continue; // written again by the listener's downstream (stays dirty), or already gone
            }
            if (node.value == null || !keepFlushedEntries) {
                remove(node);
            }
        }
        parent.flushes.add(batch.size());
    }

    /**
     * A snapshot of the cached entries in a key range, pending deletes included (value null).
     *
     * @param from    first key inclusive, or null
     * @param to      last key inclusive, or null
     * @param forward ascending if true
     * @return the entries, sorted
     */
    public List<KeyValue<Bytes, Entry>> range(Bytes from, Bytes to, boolean forward) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            return List.of();
        }
        NavigableMap<Bytes, Node> view = entries;
        if (from != null && to != null) {
            view = entries.subMap(from, true, to, true);
        } else if (from != null) {
            view = entries.tailMap(from, true);
        } else if (to != null) {
            view = entries.headMap(to, true);
        }
        Collection<Node> nodes = forward ? view.values() : view.descendingMap().values();
        List<KeyValue<Bytes, Entry>> snapshot = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            snapshot.add(KeyValue.pair(n.key, new Entry(n.value, n.timestamp)));
        }
        return snapshot;
    }

    /** @return number of cached entries */
    public int size() {
        return entries.size();
    }

    /** @return number of dirty entries */
    public int dirtyCount() {
        return dirtyCount;
    }

    /** @return bytes charged by this cache */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Drops every entry (without flushing) and leaves the shared cache. */
    public void close() {
        index.clear();
        entries.clear();
        eldest = null;
        youngest = null;
        dirtyHead = null;
        dirtyTail = null;
        dirtyCount = 0;
        charge(-sizeBytes);
        parent.release(this);
    }

    private void link(Node node) {
        node.prev = youngest;
        node.next = null;
        if (youngest != null) {
            youngest.next = node;
        }
        youngest = node;
        if (eldest == null) {
            eldest = node;
        }
    }

    private void unlink(Node node) {
        if (node.prev != null) {
            node.prev.next = node.next;
        } else {
            eldest = node.next;
        }
        if (node.next != null) {
            node.next.prev = node.prev;
        } else {
            youngest = node.prev;
        }
        node.prev = null;
        node.next = null;
    }

    private void linkDirty(Node node) {
        node.dirtyPrev = dirtyTail;
        node.dirtyNext = null;
        if (dirtyTail != null) {
            dirtyTail.dirtyNext = node;
        } else {
            dirtyHead = node;
        }
        dirtyTail = node;
        dirtyCount++;
    }

    private void unlinkDirty(Node node) {
        if (node.dirtyPrev != null) {
            node.dirtyPrev.dirtyNext = node.dirtyNext;
        } else {
            dirtyHead = node.dirtyNext;
        }
        if (node.dirtyNext != null) {
            node.dirtyNext.dirtyPrev = node.dirtyPrev;
        } else {
            dirtyTail = node.dirtyPrev;
        }
        node.dirtyPrev = null;
        node.dirtyNext = null;
        dirtyCount--;
    }

    private void touch(Node node) {
        if (youngest != node) {
            unlink(node);
            link(node);
        }
    }
}
