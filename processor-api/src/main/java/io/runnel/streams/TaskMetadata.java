package io.runnel.streams;

import io.runnel.common.TopicPartition;
import io.runnel.streams.processor.TaskId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of one active task, as Kafka's {@code TaskMetadata}, with the number of records it processed (Runnel's
 * addition). Taken by the task's thread after each commit and rebalance.
 *
 * @param taskId                   the task
 * @param topicPartitions          its input partitions
 * @param committedOffsets         the last committed offset per input partition (the next record to read)
 * @param endOffsets               the end offset per input partition, as the consumer last saw it
 * @param timeCurrentIdlingStarted when the task started waiting for data on an empty partition, if it is
 * @param processedRecords         records processed by the task since it was created on this thread
 * @param droppedRecords           records the task dropped since it was created on this thread (Kafka's
 *                                 {@code dropped-records-total} task metric): skipped by the deserialization or
 *                                 processing exception handlers, invalid timestamps, and records DSL operators drop
 *                                 on purpose (later than a window's grace period, null keys an aggregation or join
 *                                 cannot use)
 */
public record TaskMetadata(TaskId taskId, Set<TopicPartition> topicPartitions,
                           Map<TopicPartition, Long> committedOffsets, Map<TopicPartition, Long> endOffsets,
                           Optional<Long> timeCurrentIdlingStarted, long processedRecords, long droppedRecords) {

    /** Copies the collections. */
    public TaskMetadata {
        topicPartitions = Set.copyOf(topicPartitions);
        committedOffsets = Map.copyOf(committedOffsets);
        endOffsets = Map.copyOf(endOffsets);
    }

    /**
     * A snapshot without a dropped-records count (0).
     *
     * @param taskId                   the task
     * @param topicPartitions          its input partitions
     * @param committedOffsets         the last committed offset per input partition
     * @param endOffsets               the end offset per input partition
     * @param timeCurrentIdlingStarted when the task started waiting for data on an empty partition, if it is
     * @param processedRecords         records processed by the task
     */
    public TaskMetadata(TaskId taskId, Set<TopicPartition> topicPartitions, Map<TopicPartition, Long> committedOffsets,
                        Map<TopicPartition, Long> endOffsets, Optional<Long> timeCurrentIdlingStarted,
                        long processedRecords) {
        this(taskId, topicPartitions, committedOffsets, endOffsets, timeCurrentIdlingStarted, processedRecords, 0L);
    }
}
