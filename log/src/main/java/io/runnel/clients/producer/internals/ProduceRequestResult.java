package io.runnel.clients.producer.internals;

import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of one batch, shared by the futures of its records (Kafka's {@code ProduceRequestResult}): set once by
 * the sender, then read by any number of threads. Thread-safe.
 */
public final class ProduceRequestResult {

    private final TopicPartition topicPartition;
    private final CountDownLatch latch = new CountDownLatch(1);
    private volatile long baseOffset = -1L;
    private volatile long logAppendTime = -1L;
    private volatile RunnelException error;

    ProduceRequestResult(TopicPartition topicPartition) {
        this.topicPartition = topicPartition;
    }

    void set(long baseOffset, long logAppendTime, RunnelException error) {
        this.baseOffset = baseOffset;
        this.logAppendTime = logAppendTime;
        this.error = error;
    }

    void done() {
        latch.countDown();
    }

    /** @return the partition */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** @return the batch's base offset, -1 when unknown */
    public long baseOffset() {
        return baseOffset;
    }

    /** @return the log append time in ms, -1 for {@code CreateTime} */
    public long logAppendTime() {
        return logAppendTime;
    }

    /** @return the failure, or null */
    public RunnelException error() {
        return error;
    }

    /** @return whether the batch completed */
    public boolean completed() {
        return latch.getCount() == 0;
    }

    /**
     * Waits for completion.
     *
     * @throws InterruptedException if interrupted
     */
    public void await() throws InterruptedException {
        latch.await();
    }

    /**
     * @param timeout how long
     * @param unit    its unit
     * @return whether it completed in time
     * @throws InterruptedException if interrupted
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return latch.await(timeout, unit);
    }
}
