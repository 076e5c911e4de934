package io.runnel.streams.state;

import io.runnel.common.utils.Bytes;

/** Supplies session bytes stores (RocksDB segmented, in-memory). */
public interface SessionBytesStoreSupplier extends StoreSupplier<SessionStore<Bytes, byte[]>> {

    /** @return the size in ms of each time segment data is dropped by */
    long segmentIntervalMs();

    /** @return how long in ms sessions are kept after their end, relative to stream time */
    long retentionPeriod();
}
