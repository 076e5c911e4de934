package io.runnel.streams.processor;

import io.runnel.common.TopicPartition;

/**
 * Observes restoration of stores from their changelogs (Kafka's {@code StateRestoreListener}), set with
 * {@code RunnelStreams.setGlobalStateRestoreListener}. Called on the restoring thread (a stream thread or the global
 * thread); keep it quick. Only changelog partitions with records to restore are reported. Restoration is also logged
 * (records restored, rate) whether or not a listener is set.
 */
public interface StateRestoreListener {

    /**
     * @param topicPartition the changelog partition
     * @param storeName      the store
     * @param startingOffset the first offset to restore
     * @param endingOffset   the offset restoration stops at (exclusive)
     */
    void onRestoreStart(TopicPartition topicPartition, String storeName, long startingOffset, long endingOffset);

    /**
     * @param topicPartition   the changelog partition
     * @param storeName        the store
     * @param batchEndOffset   the offset of the batch's last record
     * @param numRestored      records in the batch
     */
    void onBatchRestored(TopicPartition topicPartition, String storeName, long batchEndOffset, long numRestored);

    /**
     * @param topicPartition the changelog partition
     * @param storeName      the store
     * @param totalRestored  records restored in all
     */
    void onRestoreEnd(TopicPartition topicPartition, String storeName, long totalRestored);
}
