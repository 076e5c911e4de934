package io.runnel.streams.state;

import io.runnel.common.utils.Bytes;

/** Supplies key-value bytes stores (RocksDB, in-memory, LRU). */
public interface KeyValueBytesStoreSupplier extends StoreSupplier<KeyValueStore<Bytes, byte[]>> {
}
