package io.runnel.streams.state;

import io.runnel.common.utils.Bytes;

/** Supplies window bytes stores (RocksDB segmented, in-memory). */
public interface WindowBytesStoreSupplier extends StoreSupplier<WindowStore<Bytes, byte[]>> {

    /** @return the size in ms of each time segment data is dropped by */
    long segmentIntervalMs();

    /** @return the window size in ms */
    long windowSize();

    /** @return whether every put is kept (stream-stream joins) instead of replacing the window's value */
    boolean retainDuplicates();

    /** @return how long in ms windows are kept after their start, relative to stream time */
    long retentionPeriod();
}
