package io.runnel.clients.producer.internals;

import io.runnel.clients.producer.Callback;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.header.Header;
import io.runnel.common.record.CompressionType;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.MemoryRecordsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One partition's batch in the accumulator (Kafka's {@code ProducerBatch}): a RecordBatch v2 being built, the
 * futures and callbacks of its records, and its send attempts. Records are appended under the partition deque's
 * lock; the sender closes the batch (assigning the idempotent producer's id, epoch and base sequence, then writing
 * the header) when it drains it, and completes it once.
 */
public final class ProducerBatch {

    private static final Logger log = LoggerFactory.getLogger(ProducerBatch.class);

    private record Thunk(Callback callback, FutureRecordMetadata future) {
    }

    final TopicPartition topicPartition;
    final long createdMs;
    final int reservedBytes;
    final ProduceRequestResult result;
    private final MemoryRecordsBuilder builder;
    private final List<Thunk> thunks = new ArrayList<>();
    private final AtomicBoolean completed = new AtomicBoolean();
    private MemoryRecords records;
    private int recordCount;
    int attempts;
    long lastAttemptMs;
    long producerId = -1L;
    short producerEpoch = -1;
    int baseSequence = -1;

    ProducerBatch(TopicPartition tp, CompressionType compression, int writeLimit, long nowMs, int reservedBytes) {
        this.topicPartition = tp;
        this.createdMs = nowMs;
        this.reservedBytes = reservedBytes;
        this.result = new ProduceRequestResult(tp);
        this.builder = MemoryRecords.builder().compression(compression).writeLimit(writeLimit);
        this.lastAttemptMs = nowMs;
    }

    /** @return the record's future, or null when the batch is full or closed */
    FutureRecordMetadata tryAppend(long timestamp, byte[] key, byte[] value, Header[] headers, Callback callback) {
        if (records != null || !builder.hasRoomFor(timestamp, key, value, headers)) {
            return null;
        }
        builder.append(timestamp, key, value, headers);
        FutureRecordMetadata future = new FutureRecordMetadata(result, recordCount++, timestamp,
                key == null ? -1 : key.length, value == null ? -1 : value.length);
        thunks.add(new Thunk(callback, future));
        return future;
    }

    boolean isFull() {
        return records != null || builder.isFull();
    }

    boolean isClosed() {
        return records != null;
    }

    int recordCount() {
        return recordCount;
    }

    int estimatedSizeInBytes() {
        return records != null ? records.sizeInBytes() : builder.estimatedSizeInBytes();
    }

    /** Writes the header; idempotent (a retried batch keeps its bytes, id and sequence). */
    void close(long producerId, short epoch, int baseSequence) {
        if (records != null) {
            return;
        }
        if (producerId >= 0) {
            builder.producer(producerId, epoch, baseSequence);
            this.producerId = producerId;
            this.producerEpoch = epoch;
            this.baseSequence = baseSequence;
        }
        records = builder.build();
    }

    MemoryRecords records() {
        return records;
    }

    boolean hasSequence() {
        return baseSequence >= 0;
    }

    boolean isDone() {
        return completed.get();
    }

    /**
     * Completes the batch once: sets the result, runs the callbacks in record order, then releases the futures.
     *
     * @return false if it was already completed
     */
    boolean complete(long baseOffset, long logAppendTime, RunnelException error) {
        if (!completed.compareAndSet(false, true)) {
            return false;
        }
        result.set(baseOffset, logAppendTime, error);
        for (Thunk t : thunks) {
            if (t.callback() != null) {
                try {
                    t.callback().onCompletion(t.future().value(), error);
                } catch (RuntimeException e) {
                    log.error("A send callback for {} threw; continuing with the next one", topicPartition, e);
                }
            }
        }
        result.done();
        return true;
    }

    @Override
    public String toString() {
        return "ProducerBatch(" + topicPartition + ", " + recordCount + " record(s), attempts " + attempts + ")";
    }
}
