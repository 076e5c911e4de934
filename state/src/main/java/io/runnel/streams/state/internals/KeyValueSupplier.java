package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.KeyValueBytesStoreSupplier;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.internals.rocksdb.RocksDBStore;

/**
 * Supplies RocksDB, in-memory or LRU key-value bytes stores.
 */
public final class KeyValueSupplier implements KeyValueBytesStoreSupplier, FormatAwareSupplier<KeyValueStore<Bytes, byte[]>> {

    /** The engines. */
    public enum Kind {
        /** {@link RocksDBStore}. */
        ROCKSDB("rocksdb"),
        /** {@link InMemoryKeyValueStore}. */
        IN_MEMORY("in-memory"),
        /** {@link MemoryLRUCache}. */
        LRU("in-memory-lru");

        private final String scope;

        Kind(String scope) {
            this.scope = scope;
        }
    }

    private final String name;
    private final Kind kind;
    private final ValueFormat format;
    private final int maxEntries;

    /**
     * @param name       the store name
     * @param kind       the engine
     * @param format     the value format of {@link #get()}
     * @param maxEntries the LRU bound (LRU only)
     */
    public KeyValueSupplier(String name, Kind kind, ValueFormat format, int maxEntries) {
        this.name = name;
        this.kind = kind;
        this.format = format;
        this.maxEntries = maxEntries;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
        return get(format);
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get(ValueFormat valueFormat) {
        return switch (kind) {
            case ROCKSDB -> new RocksDBStore(name, valueFormat);
            case IN_MEMORY -> new InMemoryKeyValueStore(name, valueFormat);
            case LRU -> new MemoryLRUCache(name, maxEntries, valueFormat);
        };
    }

    @Override
    public String metricsScope() {
        return kind.scope;
    }
}
