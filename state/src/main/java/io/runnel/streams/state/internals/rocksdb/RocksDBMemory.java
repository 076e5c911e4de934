package io.runnel.streams.state.internals.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/*
 * Design: one memory budget for every RocksDB instance of an application instance.
 *
 * Kafka Streams gives each store (and each segment of a window store) its own 50 MiB block cache and 3 x 16 MiB
 * memtables, so memory grows with the number of stores x partitions and operators learn about it from the OOM
 * killer; the fix Kafka documents is a RocksDBConfigSetter sharing one cache. Runnel makes that the default:
 *
 *   - one LRUCache of capacity B (rocksdb.memory.max.bytes) is the block cache of every instance;
 *   - index and filter blocks are cached in it (with high priority, 10% of the cache reserved for them) instead of
 *     living unbounded on the heap of each table reader; top-level index/filter partitions stay pinned;
 *   - one WriteBufferManager of size B/2 charges every memtable to the same cache ("cost to cache"), so memtable
 *     memory is taken out of the cache budget and flushes start when all memtables together reach B/2.
 *
 * The cache is not strict (strict_capacity_limit=false): a read that needs a block when the cache is full still
 * succeeds and the cache shrinks back as soon as blocks are released. Memory therefore stays within B plus the
 * blocks pinned by open iterators, plus RocksDB's small per-instance overhead.
 *
 * Lifetime: created lazily by StateStoreResources on the first RocksDB store, closed by it after every store.
 * Closing it while a store is open would free memory the store still uses, so StateStoreResources closes it last.
 */
/**
 * The shared RocksDB block cache and write buffer manager of an application instance. Thread-safe.
 */
public final class RocksDBMemory implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    /** Share of the cache reserved for index and filter blocks. */
    static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    private final long capacity;
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private volatile boolean closed;

    /**
     * @param capacityBytes the total budget in bytes
     */
    public RocksDBMemory(long capacityBytes) {
        this.capacity = capacityBytes;
        this.cache = new LRUCache(capacityBytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
        this.writeBufferManager = new WriteBufferManager(capacityBytes / 2, cache, true);
    }

    /**
     * Applies the shared budget to one instance's options.
     *
     * @param options     the instance's options
     * @param tableConfig the instance's table config (set on the options by the caller)
     */
    void configure(Options options, BlockBasedTableConfig tableConfig) {
        if (closed) {
            throw new IllegalStateException("RocksDB memory budget is closed; the application instance is shutting"
                    + " down");
        }
        tableConfig.setBlockCache(cache);
        tableConfig.setCacheIndexAndFilterBlocks(true);
        tableConfig.setCacheIndexAndFilterBlocksWithHighPriority(true);
        tableConfig.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
    }

    /** @return the budget in bytes */
    public long capacity() {
        return capacity;
    }

    /** @return bytes in the shared cache now: data, index and filter blocks and memtable reservations */
    public long usage() {
        return cache.getUsage();
    }

    /** @return bytes of the cache pinned by readers now */
    public long pinnedUsage() {
        return cache.getPinnedUsage();
    }

    /** Frees the cache and the write buffer manager; every store using them must be closed before. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            writeBufferManager.close();
            cache.close();
        }
    }
}
