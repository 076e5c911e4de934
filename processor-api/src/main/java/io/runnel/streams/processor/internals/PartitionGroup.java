package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.streams.StreamsConfig;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/*
 * Design: choosing the next record of a task (Kafka's PartitionGroup, KIP-353 and KIP-695 semantics).
 *
 * A task reads one partition of each of its input topics. Records are processed in timestamp order across those
 * partitions: the non-empty queue whose head has the smallest timestamp goes next, so a join or merge sees both
 * inputs interleaved by event time, not by arrival. Stream time is the largest timestamp processed so far.
 *
 * Timestamp order is only meaningful when every partition has data buffered. When some are empty, the task is
 * "ready" (readyToProcess) only if waiting cannot help:
 *   - max.task.idle.ms = -1: never wait;
 *   - lag unknown (nothing fetched yet) or lag > 0 (the log has records the consumer has not returned yet): wait,
 *     they will come with the next poll;
 *   - lag known to be 0: wait max.task.idle.ms from the first time the partition was seen empty, then process the
 *     others ("enforced processing", logged), since no data may come for a long time.
 */
/**
 * The input partitions of one task with their buffered records; picks the next record by timestamp and decides
 * whether the task may process now ({@code max.task.idle.ms}). Used by the task's thread only.
 */
final class PartitionGroup {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PartitionGroup.class);

    private final Map<TopicPartition, RecordQueue> queues = new LinkedHashMap<>();
    private final PriorityQueue<RecordQueue> nonEmpty = new PriorityQueue<>(
            Comparator.comparingLong(RecordQueue::headRecordTimestamp)
                    .thenComparing(q -> q.partition().topic()).thenComparingInt(q -> q.partition().partition()));
    private final Function<TopicPartition, OptionalLong> lagProvider;
    private final long maxTaskIdleMs;
    private final Map<TopicPartition, Long> idleDeadlines = new HashMap<>();
    private long streamTime = -1L;
    private int buffered;
    private long enforcedProcessingCount;

    /**
     * @param queues        one queue per input partition
     * @param lagProvider   the consumer's knowledge of each partition's lag (empty: unknown)
     * @param maxTaskIdleMs {@code max.task.idle.ms}
     */
    PartitionGroup(Map<TopicPartition, RecordQueue> queues, Function<TopicPartition, OptionalLong> lagProvider,
                   long maxTaskIdleMs) {
        this.queues.putAll(queues);
        this.lagProvider = lagProvider;
        this.maxTaskIdleMs = maxTaskIdleMs;
    }

    Set<TopicPartition> partitions() {
        return Collections.unmodifiableSet(queues.keySet());
    }

    RecordQueue queue(TopicPartition partition) {
        return queues.get(partition);
    }

    /**
     * @param partition an input partition of the task
     * @param records   polled records of it
     * @return the number of records now buffered for the partition
     */
    int addRawRecords(TopicPartition partition, Iterable<ConsumerRecord<byte[], byte[]>> records) {
        RecordQueue queue = queues.get(partition);
        if (queue == null) {
            throw new IllegalStateException("Partition " + partition + " is not an input of this task");
        }
        boolean wasEmpty = queue.peek() == null;
        int before = queue.size();
        int after = queue.addRawRecords(records);
        buffered += after - before;
        if (wasEmpty && queue.peek() != null) {
            nonEmpty.add(queue);
        }
        return after;
    }

    /**
     * Takes the buffered record with the smallest timestamp and advances stream time to it.
     *
     * @return the record, or null if nothing is buffered
     */
    /**
     * @return the timestamp of the record {@link #nextRecord()} would return; with nothing buffered, the stream
     *     time (-1 before the first record) unless the consumer knows that every partition is caught up (lag 0),
     *     then Long.MAX_VALUE (nothing to wait for). An unknown lag (no fetch answered yet) counts as records to
     *     come: it lasts until the partition's first fetch returns.
     */
    long headTimestamp() {
        RecordQueue queue = nonEmpty.peek();
        if (queue != null) {
            return queue.headRecordTimestamp();
        }
        for (TopicPartition tp : queues.keySet()) {
            OptionalLong lag = lagProvider.apply(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return streamTime;
            }
        }
        return Long.MAX_VALUE;
    }

    StampedRecord nextRecord() {
        RecordQueue queue = nonEmpty.poll();
        if (queue == null) {
            return null;
        }
        int before = queue.size();
        StampedRecord record = queue.poll();
        buffered -= before - queue.size();
        if (queue.peek() != null) {
            nonEmpty.add(queue);
        }
        if (record != null) {
            streamTime = Math.max(streamTime, record.timestamp());
        }
        return record;
    }

    /**
     * @param wallClockTime the current time in ms
     * @return true if the task may process its next record now (see the class comment)
     */
    boolean readyToProcess(long wallClockTime) {
        if (nonEmpty.isEmpty()) {
            return false;
        }
        if (nonEmpty.size() == queues.size()) {
            idleDeadlines.clear();
            return true;
        }
        if (maxTaskIdleMs == StreamsConfig.MAX_TASK_IDLE_MS_DISABLED) {
            return true;
        }
        boolean enforced = false;
        for (RecordQueue queue : queues.values()) {
            if (queue.peek() != null) {
                continue;
            }
            TopicPartition partition = queue.partition();
            OptionalLong lag = lagProvider.apply(partition);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                idleDeadlines.remove(partition);
                return false;
            }
            long deadline = idleDeadlines.computeIfAbsent(partition, p -> wallClockTime + maxTaskIdleMs);
            if (wallClockTime < deadline) {
                return false;
            }
            enforced = true;
        }
        if (enforced) {
            enforcedProcessingCount++;
            LOG.debug("Processing out of timestamp order: some input partitions of the task have been empty (and"
                    + " caught up) for max.task.idle.ms={} ms", maxTaskIdleMs);
        }
        return true;
    }

    /** @return the largest timestamp processed (or restored from committed metadata), or -1 */
    long streamTime() {
        return streamTime;
    }

    /**
     * Restores a partition's time (from committed offset metadata); stream time becomes the largest of them.
     *
     * @param partition the partition
     * @param time      its time in ms
     */
    void setPartitionTime(TopicPartition partition, long time) {
        queues.get(partition).setPartitionTime(time);
        streamTime = Math.max(streamTime, time);
    }

    /**
     * @param partition an input partition
     * @return its partition time, or -1
     */
    long partitionTime(TopicPartition partition) {
        return queues.get(partition).partitionTime();
    }

    /**
     * @param partition an input partition
     * @return the offset after the last record of it processed or dropped, or -1 if none yet
     */
    long consumedUpTo(TopicPartition partition) {
        return queues.get(partition).consumedUpTo();
    }

    /** @return records buffered over all partitions */
    int numBuffered() {
        return buffered;
    }

    /**
     * @param partition an input partition
     * @return records buffered for it
     */
    int numBuffered(TopicPartition partition) {
        return queues.get(partition).size();
    }

    /** @return how many times the task processed although a partition was empty, after waiting max.task.idle.ms */
    long enforcedProcessingCount() {
        return enforcedProcessingCount;
    }

    /** @return records dropped by the deserialization handler or for negative timestamps */
    long droppedRecords() {
        long dropped = 0;
        for (RecordQueue q : queues.values()) {
            dropped += q.droppedRecords();
        }
        return dropped;
    }

    /** Drops every buffered record. */
    void clear() {
        queues.values().forEach(RecordQueue::clear);
        nonEmpty.clear();
        idleDeadlines.clear();
        buffered = 0;
    }
}
