package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.WindowBytesStoreSupplier;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.internals.rocksdb.RocksDBStore;

/**
 * Supplies segmented window bytes stores on RocksDB or in memory.
 */
public final class WindowSupplier implements WindowBytesStoreSupplier, FormatAwareSupplier<WindowStore<Bytes, byte[]>> {

    private final String name;
    private final long retentionPeriod;
    private final long segmentInterval;
    private final long windowSize;
    private final boolean retainDuplicates;
    private final boolean persistent;
    private final ValueFormat format;

    /**
     * @param name             the store name
     * @param retentionPeriod  retention in ms
     * @param segmentInterval  segment size in ms
     * @param windowSize       window size in ms
     * @param retainDuplicates whether every put is kept
     * @param persistent       RocksDB if true, memory if false
     * @param format           the value format of {@link #get()}
     */
    public WindowSupplier(String name, long retentionPeriod, long segmentInterval, long windowSize,
                          boolean retainDuplicates, boolean persistent, ValueFormat format) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
        this.segmentInterval = segmentInterval;
        this.windowSize = windowSize;
        this.retainDuplicates = retainDuplicates;
        this.persistent = persistent;
        this.format = format;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public WindowStore<Bytes, byte[]> get() {
        return get(format);
    }

    @Override
    public WindowStore<Bytes, byte[]> get(ValueFormat valueFormat) {
        return new SegmentedWindowStore(name, retentionPeriod, windowSize, retainDuplicates, segmentInterval,
                persistent, valueFormat,
                persistent ? RocksDBStore::segmentFactory : context -> InMemoryKeyValueStore.segmentFactory());
    }

    @Override
    public String metricsScope() {
        return persistent ? "rocksdb-window" : "in-memory-window";
    }

    @Override
    public long segmentIntervalMs() {
        return segmentInterval;
    }

    @Override
    public long windowSize() {
        return windowSize;
    }

    @Override
    public boolean retainDuplicates() {
        return retainDuplicates;
    }

    @Override
    public long retentionPeriod() {
        return retentionPeriod;
    }
}
