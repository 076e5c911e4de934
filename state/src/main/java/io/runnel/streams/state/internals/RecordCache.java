package io.runnel.streams.state.internals;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/*
 * Design: one byte budget, many single-threaded caches.
 *
 * Kafka Streams splits statestore.cache.max.bytes evenly between stream threads (a ThreadCache each), so one busy
 * thread cannot use the memory an idle thread leaves. Runnel keeps one budget per application instance: a shared
 * atomic byte counter, and one NamedCache per caching store (namespace "<task>-<store>").
 *
 * A NamedCache belongs to its store and so to one task thread; nothing in it is shared. Only the byte counter is
 * shared. When a put takes the instance over budget, the putting store evicts from ITS OWN NamedCache (least
 * recently used first) until the instance is within budget or its cache is empty, as Kafka's ThreadCache evicts from
 * the namespace being written. Eviction therefore runs on the thread that owns the evicted entries, which is what
 * makes it safe: evicting a dirty entry writes it down to the store and forwards it downstream, which must happen on
 * the task's thread. The price: a store that is idle keeps its entries until its next commit flushes them (flushed
 * entries stay cached but clean, and clean entries are evicted first by nobody else), so a momentary excess over
 * the budget of at most the other stores' clean entries is possible; writes always make progress.
 *
 * Why not Caffeine: a write-back cache must (1) never drop a dirty entry without writing it down on the owning
 * thread, (2) flush dirty entries in the order they were last written (downstream sees updates in order), (3) serve
 * sorted range scans merged with the store, and (4) share one byte budget across many independent caches with
 * per-cache eviction. Caffeine's maximumWeight is per cache and its W-TinyLFU eviction runs in its maintenance cycle
 * with an admission policy that may reject the newest entry; none of (1)-(4) maps onto it without rebuilding the
 * cache around it. NamedCache is a HashMap index for point reads and writes, a TreeMap (touched only when a key
 * enters or leaves) for range scans, and intrusive LRU and dirty lists through its nodes.
 */
/**
 * The write-back record cache of an application instance, bounded by {@code statestore.cache.max.bytes}. Created
 * by {@link io.runnel.streams.state.StateStoreResources}; caching stores take a {@link NamedCache} from it.
 * Thread-safe; each {@link NamedCache} is not (it belongs to one store).
 */
public final class RecordCache {

    private volatile long maxBytes;
    private final AtomicLong sizeBytes = new AtomicLong();
    private final Map<String, NamedCache> caches = new ConcurrentHashMap<>();
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder evictions = new LongAdder();
    final LongAdder flushes = new LongAdder();

    /**
     * @param maxBytes the budget in bytes; 0 means every put is written down at once
     */
    public RecordCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("Record cache size must be >= 0 bytes, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Creates the cache of one store.
     *
     * @param namespace unique name, {@code <task>-<store>}
     * @param listener  receives dirty entries when they are flushed or evicted
     * @return the store's cache
     * @throws IllegalStateException if the namespace is in use (the same store opened twice)
     */
    public NamedCache namedCache(String namespace, NamedCache.DirtyEntryFlushListener listener) {
        NamedCache cache = new NamedCache(namespace, this, listener);
        if (caches.putIfAbsent(namespace, cache) != null) {
            throw new IllegalStateException("Record cache namespace " + namespace + " is already in use; a store of"
                    + " that name is already open in that task");
        }
        return cache;
    }

    void release(NamedCache cache) {
        caches.remove(cache.name(), cache);
    }

    /**
     * Changes the budget (for example when stream threads are added). Caches over it shrink on their next put or
     * flush.
     *
     * @param newMaxBytes the new budget in bytes, at least 0
     */
    public void resize(long newMaxBytes) {
        if (newMaxBytes < 0) {
            throw new IllegalArgumentException("Record cache size must be >= 0 bytes, got " + newMaxBytes);
        }
        this.maxBytes = newMaxBytes;
    }

    /** @return the budget in bytes */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return bytes held now by every store's cache */
    public long sizeBytes() {
        return sizeBytes.get();
    }

    /** @return number of stores holding a cache */
    public int namedCaches() {
        return caches.size();
    }

    /** @return gets answered from the cache */
    public long hits() {
        return hits.sum();
    }

    /** @return gets that went to the store */
    public long misses() {
        return misses.sum();
    }

    /** @return entries evicted to stay within budget */
    public long evictions() {
        return evictions.sum();
    }

    /** @return dirty entries written down (by flush or eviction) */
    public long flushedEntries() {
        return flushes.sum();
    }

    void add(long bytes) {
        sizeBytes.addAndGet(bytes);
    }

    boolean overBudget() {
        return sizeBytes.get() > maxBytes;
    }
}
