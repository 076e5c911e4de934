package io.runnel.streams.state;

import io.runnel.streams.state.internals.RecordCache;
import io.runnel.streams.state.internals.rocksdb.RocksDBMemory;

import java.util.Map;

/**
 * What every store of an application instance shares: the write-back record cache, bounded by
 * {@code statestore.cache.max.bytes}, and the RocksDB memory budget, bounded by {@code rocksdb.memory.max.bytes}.
 *
 * <p>The runtime creates one per application instance (the object a user starts) with {@link #create(Map)},
 * hands it to every task through {@link io.runnel.streams.processor.StateStoreContext#resources()}, and closes it
 * after every store of the instance is closed. Thread-safe: tasks on different threads share it.
 *
 * <p>The RocksDB part is created on first use, so an application with in-memory stores only never loads the
 * native library.
 */
public final class StateStoreResources implements AutoCloseable {

    private final StateStoreConfig config;
    private final RecordCache cache;
    private RocksDBMemory rocksDBMemory;
    private boolean closed;

    private StateStoreResources(StateStoreConfig config) {
        this.config = config;
        this.cache = new RecordCache(config.cacheMaxBytes());
    }

    /**
     * @param appConfigs the application's configuration; see {@link StateStoreConfig} for the keys read
     * @return new resources
     * @throws io.runnel.common.config.ConfigException if a setting is invalid
     */
    public static StateStoreResources create(Map<String, ?> appConfigs) {
        return new StateStoreResources(StateStoreConfig.from(appConfigs));
    }

    /**
     * @param config the parsed settings
     * @return new resources
     */
    public static StateStoreResources create(StateStoreConfig config) {
        return new StateStoreResources(config);
    }

    /** @return the settings */
    public StateStoreConfig config() {
        return config;
    }

    /**
     * @return the record cache of the instance (an implementation type: the caching layer's and the runtime's
     *         business; the runtime may {@link RecordCache#resize} it)
     */
    public RecordCache cache() {
        return cache;
    }

    /**
     * @return the RocksDB memory budget, created on the first call (an implementation type used by RocksDB
     *         stores; it reports usage for monitoring)
     * @throws IllegalStateException if these resources are closed
     */
    public synchronized RocksDBMemory rocksDBMemory() {
        if (closed) {
            throw new IllegalStateException("State store resources are closed; the application instance is shutting"
                    + " down");
        }
        if (rocksDBMemory == null) {
            rocksDBMemory = new RocksDBMemory(config.rocksDBMemoryMaxBytes());
        }
        return rocksDBMemory;
    }

    /** Frees the RocksDB budget. Call after every store using these resources is closed. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (rocksDBMemory != null) {
                rocksDBMemory.close();
            }
        }
    }
}
