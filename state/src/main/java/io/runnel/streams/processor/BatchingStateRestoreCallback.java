package io.runnel.streams.processor;

import io.runnel.streams.KeyValue;

import java.util.Collection;

/**
 * A restore callback that takes changelog records a batch at a time, which lets a store write them with one
 * engine batch (RocksDB {@code WriteBatch}); Kafka's {@code BatchingStateRestoreCallback}.
 */
public interface BatchingStateRestoreCallback extends StateRestoreCallback {

    /**
     * @param records changelog key and value bytes in changelog order; a null value deletes the key
     */
    void restoreAll(Collection<KeyValue<byte[], byte[]>> records);

    @Override
    default void restore(byte[] key, byte[] value) {
        restoreAll(java.util.List.of(KeyValue.pair(key, value)));
    }
}
