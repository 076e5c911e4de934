package io.runnel.connect.runtime;

import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RecordMetadata;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.utils.Time;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.RetriableException;
import io.runnel.connect.header.Header;
import io.runnel.connect.runtime.errors.ProcessingContext;
import io.runnel.connect.runtime.errors.RetryWithToleranceOperator;
import io.runnel.connect.runtime.errors.Stage;
import io.runnel.connect.runtime.errors.ToleranceType;
import io.runnel.connect.runtime.errors.WorkerDeadLetterQueueProducer;
import io.runnel.connect.runtime.storage.OffsetStorageReaderImpl;
import io.runnel.connect.runtime.storage.OffsetStorageWriter;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;
import io.runnel.connect.source.SourceTaskContext;
import io.runnel.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link SourceTask}: poll, transform, convert, send; store the offsets of acknowledged records every
 * {@code offset.flush.interval.ms}.
 *
 * <h2>Design</h2>
 * Each record returned by {@code poll()} is first registered with {@link SubmittedRecords} (so its offset is
 * ordered with the others of its source partition), then transformed and converted under the connector's error
 * policy. A record a transformation drops, or whose failure {@code errors.tolerance=all} tolerates, is
 * acknowledged at once ({@code commitRecord(record, null)}); the others are sent, and acknowledged in the
 * producer's callback ({@code commitRecord(record, metadata)}). The offset flush stores only the acknowledged
 * prefix of every source partition, so a stored offset never runs ahead of the log; after each flush the task's
 * {@code commit()} is called. Dead-letter records are flushed before offsets are stored, so a record skipped into
 * the dead-letter queue is durable there before its offset is.
 *
 * <p>A send the log refuses fails the task (the next step throws), unless {@code errors.tolerance=all}: then it
 * is reported (log, dead-letter queue in stage {@code KAFKA_PRODUCE}) and skipped. On a graceful stop the task's
 * {@code stop()} is called from the stopping thread (so a blocked {@code poll()} returns), the producer is closed
 * within {@code task.shutdown.graceful.timeout.ms} (sending what it buffered) and the acknowledged offsets are
 * flushed one last time.
 */
public final class WorkerSourceTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSourceTask.class);

    private final SourceTask task;
    private final Map<String, String> taskConfig;
    private final ConnectorConverters converters;
    private final TransformationChain<SourceRecord> chain;
    private final Producer<byte[], byte[]> producer;
    private final OffsetStorageReaderImpl offsetReader;
    private final OffsetStorageWriter offsetWriter;
    private final WorkerDeadLetterQueueProducer dlq;
    private final long flushIntervalMs;
    private final long flushTimeoutMs;
    private final long shutdownTimeoutMs;
    private final SubmittedRecords submitted = new SubmittedRecords();
    private final AtomicBoolean taskStopped = new AtomicBoolean();
    private final AtomicLong polled = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Throwable sendFailure;
    private volatile boolean started;
    private volatile List<SourceRecord> toSend;
    private long nextFlushMs;

    /** Everything a source task needs; built by the {@link Worker}. */
    record Parts(SourceTask task, Map<String, String> taskConfig, ConnectorConverters converters,
                 TransformationChain<SourceRecord> chain, Producer<byte[], byte[]> producer,
                 OffsetStorageReaderImpl offsetReader, OffsetStorageWriter offsetWriter,
                 WorkerDeadLetterQueueProducer dlq, long flushIntervalMs, long flushTimeoutMs,
                 long shutdownTimeoutMs) {
    }

    WorkerSourceTask(ConnectorTaskId id, TargetState initialState, StatusListener listener, Time time,
                     RetryWithToleranceOperator operator, ClassLoader loader, Parts parts) {
        super(id, initialState, listener, time, operator, loader);
        this.task = parts.task();
        this.taskConfig = parts.taskConfig();
        this.converters = parts.converters();
        this.chain = parts.chain();
        this.producer = parts.producer();
        this.offsetReader = parts.offsetReader();
        this.offsetWriter = parts.offsetWriter();
        this.dlq = parts.dlq();
        this.flushIntervalMs = parts.flushIntervalMs();
        this.flushTimeoutMs = parts.flushTimeoutMs();
        this.shutdownTimeoutMs = parts.shutdownTimeoutMs();
    }

    @Override
    protected void initializeAndStart() {
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return taskConfig;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return offsetReader;
            }
        });
        task.start(taskConfig);
        started = true;
        nextFlushMs = time.milliseconds() + flushIntervalMs;
        log.info("{} source task started", id);
    }

    @Override
    protected void iteration() throws InterruptedException {
        throwSendFailure();
        if (time.milliseconds() >= nextFlushMs) {
            commitOffsets();
            nextFlushMs = time.milliseconds() + flushIntervalMs;
        }
        if (isPaused()) {
            awaitUnpause(Math.max(1, nextFlushMs - time.milliseconds()));
            return;
        }
        if (toSend == null) {
            toSend = poll();
            if (toSend == null || toSend.isEmpty()) {
                toSend = null;
                return;
            }
            polled.addAndGet(toSend.size());
        }
        sendRecords();
    }

    /**
     * One step on the calling thread (for the connector test driver): flush offsets first if {@code
     * offset.flush.interval.ms} has passed on the task's clock, then poll once, transform, convert and send the
     * records, then wait until the log acknowledged them and any dead-letter records (or the sends failed).
     *
     * @return the records the task's {@code poll()} returned (before transformations), empty when none
     * @throws InterruptedException if interrupted
     * @throws ConnectException     when a failure is not tolerated (the task would be FAILED)
     */
    public List<SourceRecord> pollOnce() throws InterruptedException {
        throwSendFailure();
        if (time.milliseconds() >= nextFlushMs) {
            commitOffsets();
            nextFlushMs = time.milliseconds() + flushIntervalMs;
        }
        List<SourceRecord> records = poll();
        if (records == null || records.isEmpty()) {
            return List.of();
        }
        polled.addAndGet(records.size());
        toSend = records;
        sendRecords();
        producer.flush();
        if (dlq != null) {
            dlq.flush();
        }
        throwSendFailure();
        return List.copyOf(records);
    }

    private List<SourceRecord> poll() throws InterruptedException {
        try {
            return task.poll();
        } catch (RetriableException | io.runnel.common.errors.RetriableException e) {
            log.warn("{} poll failed with a retriable error; polling again: {}", id, e.toString());
            return null;
        }
    }

    private void sendRecords() throws InterruptedException {
        for (int i = 0; i < toSend.size(); i++) {
            if (isStopping()) {
                // The rest were never sent: their offsets are not stored, so they are polled again after a restart.
                break;
            }
            SourceRecord record = toSend.get(i);
            SubmittedRecords.Submitted handle = submitted.submit(record);
            ProcessingContext context = ProcessingContext.forSource(record);
            ProducerRecord<byte[], byte[]> producerRecord = null;
            SourceRecord transformed = chain.apply(context, record);
            if (transformed != null) {
                producerRecord = convert(context, transformed);
            }
            if (producerRecord == null) {
                dropped.incrementAndGet();
                handle.ack();
                commitTaskRecord(record, null);
                continue;
            }
            ProducerRecord<byte[], byte[]> toProduce = producerRecord;
            operator.execute(context, () -> producer.send(toProduce, (metadata, error) -> {
                if (error == null) {
                    written.incrementAndGet();
                    handle.ack();
                    commitTaskRecord(record, metadata);
                } else {
                    onSendFailure(record, handle, error);
                }
            }), Stage.KAFKA_PRODUCE, producer.getClass());
            if (context.failed()) {
                dropped.incrementAndGet();
                handle.ack();
                commitTaskRecord(record, null);
            }
        }
        toSend = null;
    }

    private ProducerRecord<byte[], byte[]> convert(ProcessingContext context, SourceRecord record) {
        RecordHeaders headers = operator.execute(context, () -> convertHeaders(record), Stage.HEADER_CONVERTER,
                converters.header().getClass());
        if (headers == null) {
            return null;
        }
        byte[] key = operator.execute(context, () -> converters.key().fromConnectData(record.topic(), headers,
                record.keySchema(), record.key()), Stage.KEY_CONVERTER, converters.key().getClass());
        if (context.failed()) {
            return null;
        }
        byte[] value = operator.execute(context, () -> converters.value().fromConnectData(record.topic(), headers,
                record.valueSchema(), record.value()), Stage.VALUE_CONVERTER, converters.value().getClass());
        if (context.failed()) {
            return null;
        }
        Long timestamp = record.timestamp() != null && record.timestamp() >= 0 ? record.timestamp() : null;
        return new ProducerRecord<>(record.topic(), record.kafkaPartition(), timestamp, key, value, headers);
    }

    private RecordHeaders convertHeaders(SourceRecord record) {
        RecordHeaders result = new RecordHeaders();
        for (Header header : record.headers()) {
            byte[] bytes = converters.header().fromConnectHeader(record.topic(), header.key(), header.schema(),
                    header.value());
            result.add(header.key(), bytes);
        }
        return result;
    }

    private void onSendFailure(SourceRecord record, SubmittedRecords.Submitted handle, Exception error) {
        if (operator.config().tolerance() == ToleranceType.ALL) {
            try {
                operator.executeFailed(ProcessingContext.forSource(record), Stage.KAFKA_PRODUCE, producer.getClass(),
                        error);
            } catch (RuntimeException e) {
                log.error("{} could not report a failed send of {}", id, record, e);
            }
            dropped.incrementAndGet();
            handle.ack();
            commitTaskRecord(record, null);
        } else {
            log.error("{} failed to send a record to topic {}: {}", id, record.topic(), error.toString());
            if (sendFailure == null) {
                sendFailure = error;
            }
        }
    }

    private void throwSendFailure() {
        Throwable failure = sendFailure;
        if (failure != null) {
            throw new ConnectException("Unrecoverable exception from producer send callback", failure);
        }
    }

    private void commitTaskRecord(SourceRecord record, RecordMetadata metadata) {
        try {
            task.commitRecord(record, metadata);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("{} commitRecord of the task threw; ignored (as Kafka Connect does)", id, t);
        }
    }

    /**
     * Stores the offsets of every acknowledged prefix, then calls the task's {@code commit()}.
     *
     * @return whether the offsets were stored (or there were none to store)
     */
    public boolean commitOffsets() {
        submitted.committableOffsets().forEach(offsetWriter::offset);
        if (dlq != null) {
            dlq.flush();
        }
        boolean ok = true;
        if (offsetWriter.beginFlush()) {
            try {
                offsetWriter.doFlush().get(flushTimeoutMs, TimeUnit.MILLISECONDS);
                log.debug("{} flushed source offsets", id);
            } catch (TimeoutException e) {
                log.warn("{} offset flush did not complete within offset.flush.timeout.ms={} ms; retried at the "
                        + "next flush", id, flushTimeoutMs);
                offsetWriter.cancelFlush();
                ok = false;
            } catch (ExecutionException e) {
                log.error("{} failed to flush source offsets; retried at the next flush", id, e.getCause());
                offsetWriter.cancelFlush();
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                offsetWriter.cancelFlush();
                return false;
            }
        }
        if (ok) {
            try {
                task.commit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                log.error("{} commit() of the task threw; ignored", id, t);
            }
        }
        return ok;
    }

    @Override
    protected void wakeup() {
        stopTask();
    }

    private void stopTask() {
        if (started && taskStopped.compareAndSet(false, true)) {
            try {
                task.stop();
            } catch (Throwable t) {
                log.warn("{} stop() of the task threw", id, t);
            }
        }
    }

    @Override
    protected void close(boolean graceful) {
        stopTask();
        try {
            producer.close(Duration.ofMillis(graceful ? shutdownTimeoutMs : 0));
        } catch (RuntimeException e) {
            log.warn("{} failed to close its producer", id, e);
        }
        if (started) {
            // Offsets of acknowledged records are safe to store even after a failure.
            commitOffsets();
        }
        closeQuietly(chain::close, "transformations");
        closeQuietly(converters::close, "converters");
        closeQuietly(operator::close, "error reporters");
        if (dlq != null) {
            closeQuietly(dlq::close, "dead-letter queue producer");
        }
        offsetReader.close();
    }

    private void closeQuietly(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("{} failed to close its {}", id, what, e);
        }
    }

    /** @return a snapshot of the task's progress */
    public SourceTaskProgress progress() {
        return new SourceTaskProgress(polled.get(), written.get(), dropped.get(), submitted.pending(),
                toSend == null);
    }

    /**
     * What a source task has done so far.
     *
     * @param polled  records returned by {@code poll()}
     * @param written records the log acknowledged
     * @param dropped records filtered by a transformation or skipped by error tolerance
     * @param pending records sent and not yet acknowledged
     * @param idle    whether no polled record is waiting to be sent
     */
    public record SourceTaskProgress(long polled, long written, long dropped, int pending, boolean idle) {
    }
}
