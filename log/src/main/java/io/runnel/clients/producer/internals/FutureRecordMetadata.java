package io.runnel.clients.producer.internals;

import io.runnel.clients.producer.RecordMetadata;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future {@code send} returns (Kafka's {@code FutureRecordMetadata}): a view of its batch's
 * {@link ProduceRequestResult} plus the record's index and sizes. Cannot be cancelled. Thread-safe.
 */
public final class FutureRecordMetadata implements Future<RecordMetadata> {

    private final ProduceRequestResult result;
    private final int batchIndex;
    private final long createTimestamp;
    private final int serializedKeySize;
    private final int serializedValueSize;

    FutureRecordMetadata(ProduceRequestResult result, int batchIndex, long createTimestamp, int serializedKeySize,
                         int serializedValueSize) {
        this.result = result;
        this.batchIndex = batchIndex;
        this.createTimestamp = createTimestamp;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
    }

    @Override
    public boolean cancel(boolean interrupt) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return result.completed();
    }

    @Override
    public RecordMetadata get() throws InterruptedException, ExecutionException {
        result.await();
        return valueOrError();
    }

    @Override
    public RecordMetadata get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
            TimeoutException {
        if (!result.await(timeout, unit)) {
            throw new TimeoutException("Timeout after waiting for " + unit.toMillis(timeout) + " ms.");
        }
        return valueOrError();
    }

    private RecordMetadata valueOrError() throws ExecutionException {
        if (result.error() != null) {
            throw new ExecutionException(result.error());
        }
        return value();
    }

    /** @return the metadata (offset -1 when unknown or failed) */
    RecordMetadata value() {
        long timestamp = result.logAppendTime() != -1 ? result.logAppendTime() : createTimestamp;
        return new RecordMetadata(result.topicPartition(), result.error() == null ? result.baseOffset() : -1, batchIndex,
                timestamp, serializedKeySize, serializedValueSize);
    }
}
