package io.runnel.streams.processor;

/**
 * Applies one changelog record to a store during restoration, as Kafka's {@code StateRestoreCallback}. A null
 * value deletes the key.
 */
@FunctionalInterface
public interface StateRestoreCallback {

    /**
     * @param key   the changelog key bytes, not null
     * @param value the changelog value bytes, or null for a tombstone
     */
    void restore(byte[] key, byte[] value);
}
