package io.runnel.connect.sink;

import io.runnel.common.TopicPartition;

import java.util.Map;
import java.util.Set;

/**
 * What the runtime offers a running {@link SinkTask}: control over the consumer it does not see. Call its
 * methods from the task's thread (within {@code put}, {@code open}, {@code flush}...).
 */
public interface SinkTaskContext {

    /** @return the task's configuration */
    Map<String, String> configs();

    /**
     * Rewinds or advances consumption (for sinks that store their own offsets in the outside system).
     *
     * @param offsets the next offset to consume per partition
     */
    void offset(Map<TopicPartition, Long> offsets);

    /**
     * Rewinds or advances consumption of one partition.
     *
     * @param tp     the partition
     * @param offset the next offset to consume
     */
    void offset(TopicPartition tp, long offset);

    /**
     * Asks the runtime to redeliver the current batch after a pause, when {@code put} throws a
     * {@link io.runnel.connect.errors.RetriableException}.
     *
     * @param timeoutMs how long to wait before redelivering, in ms
     */
    void timeout(long timeoutMs);

    /** @return the partitions currently assigned to this task */
    Set<TopicPartition> assignment();

    /**
     * Stops fetching from partitions until {@link #resume}; records already fetched may still arrive.
     *
     * @param partitions partitions of the current assignment
     */
    void pause(TopicPartition... partitions);

    /**
     * Resumes fetching from paused partitions.
     *
     * @param partitions partitions of the current assignment
     */
    void resume(TopicPartition... partitions);

    /** Asks the runtime to commit offsets soon (calling {@link SinkTask#preCommit}). */
    void requestCommit();

    /**
     * @return the reporter of records the task could not write, or null when the runtime offers none (the
     *         default, so tasks can run on runtimes that predate it)
     */
    default ErrantRecordReporter errantRecordReporter() {
        return null;
    }
}
