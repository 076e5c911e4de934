package io.runnel.clients.producer.internals;

import io.runnel.clients.producer.BufferExhaustedException;
import io.runnel.clients.producer.Callback;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.InterruptException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.header.Header;
import io.runnel.common.record.CompressionType;
import io.runnel.common.utils.Time;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Design notes for maintainers.
 *
 * One deque of batches per partition, guarded by the deque's monitor: application threads append to the last
 * batch (or start a new one), the sender takes batches from the front. A partition with a batch in flight is
 * "muted" and not drained again until that batch completes or is put back for a retry (at the front, so order
 * is kept): one batch in flight per partition is what keeps records in order across retries and lets the
 * idempotent producer assign sequences at drain time.
 *
 * Memory (buffer.memory) is accounted, not pooled: a new batch reserves max(batch.size, the record's size
 * bound) before it is created and releases it when it completes. An append that finds too little free memory
 * waits (on the injected clock, so MockTime tests work) up to max.block.ms, then fails with
 * BufferExhaustedException. While someone waits, every batch counts as ready, so the sender frees memory.
 *
 * A batch is ready when it is full (or not the last of its deque), when it has waited linger.ms, or when a
 * flush, a close or a memory waiter asks for everything; a retried batch additionally waits its backoff.
 */
/**
 * The producer's per-partition batches (Kafka's {@code RecordAccumulator}). Thread-safe: any number of
 * application threads append while the sender thread drains.
 */
public final class RecordAccumulator {

    /** The outcome of an append. */
    public record AppendResult(FutureRecordMetadata future, boolean batchIsFull, boolean newBatchCreated,
                               boolean abortedForNewBatch) {
    }

    /** Which partitions are ready, and when to look again. */
    public record ReadyCheckResult(Set<TopicPartition> readyPartitions, long nextReadyCheckDelayMs) {
    }

    private final int batchSize;
    private final CompressionType compression;
    private final long lingerMs;
    private final long retryBackoffMs;
    private final long retryBackoffMaxMs;
    private final long deliveryTimeoutMs;
    private final Time time;
    private final long totalMemory;
    private final Object memoryLock = new Object();
    private long availableMemory;
    private int memoryWaiters;
    private final ConcurrentMap<TopicPartition, Deque<ProducerBatch>> batches = new ConcurrentHashMap<>();
    private final Set<ProducerBatch> incomplete = ConcurrentHashMap.newKeySet();
    private final Set<TopicPartition> muted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger flushesInProgress = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param batchSize         {@code batch.size} in bytes
     * @param compression       the codec
     * @param lingerMs          {@code linger.ms}
     * @param retryBackoffMs    {@code retry.backoff.ms}
     * @param retryBackoffMaxMs {@code retry.backoff.max.ms}
     * @param deliveryTimeoutMs {@code delivery.timeout.ms}
     * @param totalMemory       {@code buffer.memory} in bytes
     * @param time              the clock
     */
    public RecordAccumulator(int batchSize, CompressionType compression, long lingerMs, long retryBackoffMs,
                             long retryBackoffMaxMs, long deliveryTimeoutMs, long totalMemory, Time time) {
        this.batchSize = Math.max(1, batchSize);
        this.compression = compression;
        this.lingerMs = lingerMs;
        this.retryBackoffMs = retryBackoffMs;
        this.retryBackoffMaxMs = Math.max(retryBackoffMs, retryBackoffMaxMs);
        this.deliveryTimeoutMs = deliveryTimeoutMs;
        this.totalMemory = totalMemory;
        this.availableMemory = totalMemory;
        this.time = time;
    }

    /** @return {@code buffer.memory} */
    public long totalMemory() {
        return totalMemory;
    }

    /**
     * Appends a record to its partition's last batch, or to a new batch.
     *
     * @param tp               the partition
     * @param timestamp        the record timestamp in ms
     * @param key              the serialized key or null
     * @param value            the serialized value or null
     * @param headers          the headers
     * @param callback         the callback or null
     * @param sizeBound        an upper bound of the record's size in a batch of its own
     * @param maxBlockMs       how long to wait for memory
     * @param abortOnNewBatch  return {@code abortedForNewBatch} instead of starting a new batch (sticky partitioning)
     * @return the result
     * @throws BufferExhaustedException if memory did not free up within {@code maxBlockMs}
     * @throws InterruptException       if interrupted while waiting
     * @throws IllegalStateException    if the accumulator is closed
     */
    public AppendResult append(TopicPartition tp, long timestamp, byte[] key, byte[] value, Header[] headers,
                               Callback callback, int sizeBound, long maxBlockMs, boolean abortOnNewBatch) {
        Deque<ProducerBatch> deque = batches.computeIfAbsent(tp, k -> new ArrayDeque<>());
        synchronized (deque) {
            ensureOpen();
            AppendResult r = tryAppend(deque, timestamp, key, value, headers, callback);
            if (r != null) {
                return r;
            }
        }
        if (abortOnNewBatch) {
            return new AppendResult(null, false, false, true);
        }
        int size = Math.max(batchSize, sizeBound);
        allocate(size, maxBlockMs);
        boolean release = true;
        try {
            synchronized (deque) {
                ensureOpen();
                AppendResult r = tryAppend(deque, timestamp, key, value, headers, callback);
                if (r != null) {
                    return r;
                }
                ProducerBatch batch = new ProducerBatch(tp, compression, batchSize, time.milliseconds(), size);
                FutureRecordMetadata f = batch.tryAppend(timestamp, key, value, headers, callback);
                deque.addLast(batch);
                incomplete.add(batch);
                release = false;
                return new AppendResult(f, deque.size() > 1 || batch.isFull(), true, false);
            }
        } finally {
            if (release) {
                release(size);
            }
        }
    }

    private AppendResult tryAppend(Deque<ProducerBatch> deque, long timestamp, byte[] key, byte[] value,
                                   Header[] headers, Callback callback) {
        ProducerBatch last = deque.peekLast();
        if (last == null) {
            return null;
        }
        FutureRecordMetadata f = last.tryAppend(timestamp, key, value, headers, callback);
        if (f == null) {
            return null;
        }
        return new AppendResult(f, deque.size() > 1 || last.isFull(), false, false);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Cannot perform operation after producer has been closed");
        }
    }

    private void allocate(int size, long maxBlockMs) {
        synchronized (memoryLock) {
            if (availableMemory >= size) {
                availableMemory -= size;
                return;
            }
            long deadline = time.milliseconds() + maxBlockMs;
            memoryWaiters++;
            try {
                time.waitObject(memoryLock, () -> closed || availableMemory >= size, deadline);
            } catch (TimeoutException e) {
                throw new BufferExhaustedException("Failed to allocate " + size + " bytes within the configured max "
                        + "blocking time " + maxBlockMs + " ms. Total memory: " + totalMemory + " bytes. Available "
                        + "memory: " + availableMemory + " bytes. Raise buffer.memory or slow down sends.");
            } catch (InterruptedException e) {
                throw new InterruptException("Interrupted while waiting for producer memory", e);
            } finally {
                memoryWaiters--;
            }
            ensureOpen();
            availableMemory -= size;
        }
    }

    private void release(int size) {
        synchronized (memoryLock) {
            availableMemory += size;
            memoryLock.notifyAll();
        }
    }

    private boolean memoryExhausted() {
        synchronized (memoryLock) {
            return memoryWaiters > 0;
        }
    }

    /**
     * @param nowMs the time
     * @return the partitions whose first batch may be sent now, and how long until another may be
     */
    public ReadyCheckResult ready(long nowMs) {
        Set<TopicPartition> ready = new java.util.HashSet<>();
        long next = Long.MAX_VALUE;
        boolean sendEverything = closed || flushesInProgress.get() > 0 || memoryExhausted();
        for (Map.Entry<TopicPartition, Deque<ProducerBatch>> e : batches.entrySet()) {
            if (muted.contains(e.getKey())) {
                continue;
            }
            Deque<ProducerBatch> deque = e.getValue();
            synchronized (deque) {
                ProducerBatch first = deque.peekFirst();
                if (first == null) {
                    continue;
                }
                if (first.attempts > 0) {
                    long backoffEnd = first.lastAttemptMs + backoff(first.attempts);
                    if (nowMs < backoffEnd) {
                        next = Math.min(next, backoffEnd - nowMs);
                        continue;
                    }
                    ready.add(e.getKey());
                    continue;
                }
                boolean full = deque.size() > 1 || first.isFull();
                long waited = nowMs - first.createdMs;
                if (full || sendEverything || waited >= lingerMs) {
                    ready.add(e.getKey());
                } else {
                    next = Math.min(next, lingerMs - waited);
                }
            }
        }
        return new ReadyCheckResult(ready, next);
    }

    private long backoff(int attempts) {
        long b = retryBackoffMs;
        for (int i = 1; i < attempts && b < retryBackoffMaxMs; i++) {
            b *= 2;
        }
        return Math.min(b, retryBackoffMaxMs);
    }

    /**
     * Takes the first batch of each ready partition, up to {@code maxRequestSize} bytes in total (at least one
     * batch), closes it with {@code closer} and mutes its partition.
     *
     * @param ready          the ready partitions
     * @param maxRequestSize the request's byte limit
     * @param closer         closes a batch (assigns producer id and sequence for idempotent producers)
     * @return the drained batches by partition
     */
    public Map<TopicPartition, ProducerBatch> drain(Set<TopicPartition> ready, int maxRequestSize,
                                                     java.util.function.Consumer<ProducerBatch> closer) {
        Map<TopicPartition, ProducerBatch> out = new LinkedHashMap<>();
        int size = 0;
        List<TopicPartition> order = new ArrayList<>(ready);
        java.util.Collections.shuffle(order, java.util.concurrent.ThreadLocalRandom.current());
        for (TopicPartition tp : order) {
            Deque<ProducerBatch> deque = batches.get(tp);
            if (deque == null) {
                continue;
            }
            synchronized (deque) {
                ProducerBatch first = deque.peekFirst();
                if (first == null || muted.contains(tp)) {
                    continue;
                }
                int batchBytes = first.estimatedSizeInBytes();
                if (!out.isEmpty() && size + batchBytes > maxRequestSize) {
                    break;
                }
                deque.pollFirst();
                closer.accept(first);
                size += first.records().sizeInBytes();
                muted.add(tp);
                out.put(tp, first);
            }
        }
        return out;
    }

    /**
     * Puts a batch back at the front of its partition for a retry and unmutes the partition.
     *
     * @param batch the batch
     * @param nowMs the time of the failed attempt
     */
    public void reenqueue(ProducerBatch batch, long nowMs) {
        batch.attempts++;
        batch.lastAttemptMs = nowMs;
        Deque<ProducerBatch> deque = batches.computeIfAbsent(batch.topicPartition, k -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addFirst(batch);
        }
        muted.remove(batch.topicPartition);
    }

    /**
     * Forgets a completed batch: releases its memory and unmutes its partition.
     *
     * @param batch the batch
     */
    public void deallocate(ProducerBatch batch) {
        if (incomplete.remove(batch)) {
            release(batch.reservedBytes);
        }
        muted.remove(batch.topicPartition);
    }

    /**
     * Removes, from the front of each idle partition, the batches that reached {@code delivery.timeout.ms}.
     *
     * @param nowMs the time
     * @return the expired batches, in order per partition (the caller fails and deallocates them)
     */
    public List<ProducerBatch> expiredBatches(long nowMs) {
        List<ProducerBatch> expired = new ArrayList<>();
        for (Map.Entry<TopicPartition, Deque<ProducerBatch>> e : batches.entrySet()) {
            if (muted.contains(e.getKey())) {
                continue;
            }
            Deque<ProducerBatch> deque = e.getValue();
            synchronized (deque) {
                while (!deque.isEmpty() && nowMs - deque.peekFirst().createdMs >= deliveryTimeoutMs) {
                    expired.add(deque.pollFirst());
                }
            }
        }
        return expired;
    }

    /** @return how long until the oldest waiting batch expires, in ms ({@code Long.MAX_VALUE} if none) */
    public long nextExpiryDelayMs(long nowMs) {
        long next = Long.MAX_VALUE;
        for (Deque<ProducerBatch> deque : batches.values()) {
            synchronized (deque) {
                ProducerBatch first = deque.peekFirst();
                if (first != null) {
                    next = Math.min(next, Math.max(0, first.createdMs + deliveryTimeoutMs - nowMs));
                }
            }
        }
        return next;
    }

    /** @return whether some batch is waiting to be drained */
    public boolean hasUndrained() {
        for (Deque<ProducerBatch> deque : batches.values()) {
            synchronized (deque) {
                if (!deque.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return whether some batch is not completed (waiting or in flight) */
    public boolean hasIncomplete() {
        return !incomplete.isEmpty();
    }

    /** Makes every batch ready until {@link #awaitFlushCompletion()} returns. */
    public void beginFlush() {
        flushesInProgress.incrementAndGet();
    }

    /**
     * Waits until every batch that existed when it was called is complete, then ends the flush.
     *
     * @throws InterruptException if interrupted
     */
    public void awaitFlushCompletion() {
        try {
            for (ProducerBatch b : List.copyOf(incomplete)) {
                b.result.await();
            }
        } catch (InterruptedException e) {
            throw new InterruptException("Flush interrupted", e);
        } finally {
            flushesInProgress.decrementAndGet();
        }
    }

    /** @return whether a flush is in progress */
    public boolean flushInProgress() {
        return flushesInProgress.get() > 0;
    }

    /**
     * Fails every incomplete batch (forced close): waiting ones and, if the sender is gone, in-flight ones.
     *
     * @param error the failure handed to their futures and callbacks
     */
    public void abortIncompleteBatches(RunnelException error) {
        for (Deque<ProducerBatch> deque : batches.values()) {
            synchronized (deque) {
                deque.clear();
            }
        }
        for (ProducerBatch b : List.copyOf(incomplete)) {
            b.complete(-1L, -1L, error);
            deallocate(b);
        }
    }

    /** Refuses further appends and wakes appends waiting for memory. */
    public void close() {
        closed = true;
        synchronized (memoryLock) {
            memoryLock.notifyAll();
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }
}
