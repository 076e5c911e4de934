package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.SessionBytesStoreSupplier;
import io.runnel.streams.state.SessionStore;
import io.runnel.streams.state.internals.rocksdb.RocksDBStore;

/**
 * Supplies segmented session bytes stores on RocksDB or in memory.
 */
public final class SessionSupplier implements SessionBytesStoreSupplier {

    private final String name;
    private final long retentionPeriod;
    private final long segmentInterval;
    private final boolean persistent;

    /**
     * @param name            the store name
     * @param retentionPeriod retention in ms
     * @param segmentInterval segment size in ms
     * @param persistent      RocksDB if true, memory if false
     */
    public SessionSupplier(String name, long retentionPeriod, long segmentInterval, boolean persistent) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
        this.segmentInterval = segmentInterval;
        this.persistent = persistent;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SessionStore<Bytes, byte[]> get() {
        return new SegmentedSessionStore(name, retentionPeriod, segmentInterval, persistent,
                persistent ? RocksDBStore::segmentFactory : context -> InMemoryKeyValueStore.segmentFactory());
    }

    @Override
    public String metricsScope() {
        return persistent ? "rocksdb-session" : "in-memory-session";
    }

    @Override
    public long segmentIntervalMs() {
        return segmentInterval;
    }

    @Override
    public long retentionPeriod() {
        return retentionPeriod;
    }
}
