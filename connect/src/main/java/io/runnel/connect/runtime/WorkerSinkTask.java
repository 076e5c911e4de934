package io.runnel.connect.runtime;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerRebalanceListener;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.utils.Time;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.RetriableException;
import io.runnel.connect.header.ConnectHeaders;
import io.runnel.connect.runtime.errors.ProcessingContext;
import io.runnel.connect.runtime.errors.RawRecord;
import io.runnel.connect.runtime.errors.RetryWithToleranceOperator;
import io.runnel.connect.runtime.errors.RuntimeErrantRecordReporter;
import io.runnel.connect.runtime.errors.Stage;
import io.runnel.connect.runtime.errors.WorkerDeadLetterQueueProducer;
import io.runnel.connect.sink.ErrantRecordReporter;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;
import io.runnel.connect.sink.SinkTaskContext;
import io.runnel.common.header.Header;
import io.runnel.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a {@link SinkTask}: consume with the group {@code connect-<connector>}, convert, transform, {@code put};
 * {@code preCommit} then commit the offsets every {@code offset.flush.interval.ms}, on request, on rebalance and
 * on a graceful stop.
 *
 * <h2>Design</h2>
 * The consumer is used by the task's thread only (the task context's methods are called from {@code put} and
 * friends, on the same thread). Each consumed record is converted and transformed under the connector's error
 * policy; failed-and-tolerated and filtered records are skipped but their offsets still advance, so they are not
 * consumed again. The records that survive are handed to {@code put} as one batch per poll, and only when
 * {@code put} returns do their offsets become the task's <em>current offsets</em>; a commit asks the task which of
 * them are safe ({@code preCommit}, which by default flushes) and commits those. Dead-letter records are flushed
 * before each commit, so a record skipped into the dead-letter queue is durable there before its offset is
 * committed.
 *
 * <p>A {@link RetriableException} from {@code put} pauses every partition and redelivers the same batch after the
 * task's {@code context.timeout(ms)} (0 by default: at the next step). Any other exception fails the task. Pausing
 * the connector pauses every assigned partition while the consumer keeps polling, so the task stays in its group;
 * partitions the task paused itself stay paused when the connector resumes. Partitions revoked by a rebalance are
 * committed first, then {@code close}d; newly assigned ones are {@code open}ed, and rewinds the task asked for with
 * {@code context.offset(...)} are applied after {@code open} and after each {@code put}.
 */
public final class WorkerSinkTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSinkTask.class);
    private static final long MAX_POLL_WAIT_MS = 500;

    private final SinkTask task;
    private final Map<String, String> taskConfig;
    private final ConnectorConverters converters;
    private final TransformationChain<SinkRecord> chain;
    private final Consumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final Pattern topicsRegex;
    private final WorkerDeadLetterQueueProducer dlq;
    private final long commitIntervalMs;
    private final Context context = new Context();

    private final Map<TopicPartition, OffsetAndMetadata> currentOffsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> lastCommitted = new HashMap<>();
    private final List<SinkRecord> batch = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> batchOffsets = new HashMap<>();
    private final Map<String, RawRecord> batchOriginals = new HashMap<>();
    private final Map<TopicPartition, Long> rewinds = new HashMap<>();
    private final Set<TopicPartition> pausedByTask = new HashSet<>();
    private final List<SinkRecord> lastPut = new ArrayList<>();
    private boolean started;
    /** Set when {@link #close(boolean)} begins; the rebalance listener ignores the consumer's own close after it. */
    private boolean taskStopped;
    private boolean pausedForRedelivery;
    private boolean commitRequested;
    private long redeliverAtMs;
    private long redeliveryTimeoutMs;
    private long nextCommitMs;
    private long putCount;

    /** Everything a sink task needs; built by the {@link Worker}. */
    record Parts(SinkTask task, Map<String, String> taskConfig, ConnectorConverters converters,
                 TransformationChain<SinkRecord> chain, Consumer<byte[], byte[]> consumer, List<String> topics,
                 Pattern topicsRegex, WorkerDeadLetterQueueProducer dlq, long commitIntervalMs) {
    }

    WorkerSinkTask(ConnectorTaskId id, TargetState initialState, StatusListener listener, Time time,
                   RetryWithToleranceOperator operator, ClassLoader loader, Parts parts) {
        super(id, initialState, listener, time, operator, loader);
        this.task = parts.task();
        this.taskConfig = parts.taskConfig();
        this.converters = parts.converters();
        this.chain = parts.chain();
        this.consumer = parts.consumer();
        this.topics = parts.topics();
        this.topicsRegex = parts.topicsRegex();
        this.dlq = parts.dlq();
        this.commitIntervalMs = parts.commitIntervalMs();
    }

    @Override
    protected void initializeAndStart() {
        task.initialize(context);
        task.start(taskConfig);
        started = true;
        Listener rebalance = new Listener();
        if (topicsRegex != null) {
            consumer.subscribe(topicsRegex, rebalance);
        } else {
            consumer.subscribe(topics, rebalance);
        }
        nextCommitMs = time.milliseconds() + commitIntervalMs;
        log.info("{} sink task started, consuming {} as group {}", id, topicsRegex != null ? topicsRegex : topics,
                consumerGroup(id.connector()));
    }

    /**
     * @param connector a sink connector's name
     * @return its consumer group, {@code connect-<connector>} as in Kafka Connect
     */
    public static String consumerGroup(String connector) {
        return "connect-" + connector;
    }

    @Override
    protected void iteration() {
        long now = time.milliseconds();
        if (commitRequested || now >= nextCommitMs) {
            commitOffsets();
            commitRequested = false;
            nextCommitMs = time.milliseconds() + commitIntervalMs;
        }
        long wait = Math.max(0, Math.min(MAX_POLL_WAIT_MS, nextCommitMs - time.milliseconds()));
        if (pausedForRedelivery) {
            wait = Math.max(0, Math.min(wait, redeliverAtMs - time.milliseconds()));
        }
        poll(Duration.ofMillis(wait));
    }

    /**
     * One step on the calling thread (for the connector test driver): commit first if {@code
     * offset.flush.interval.ms} has passed on the task's clock, then poll without waiting, convert, transform and
     * {@code put}; waits for dead-letter records to be acknowledged; commits when the task asked for it.
     *
     * @return the records handed to {@code put} (empty when none were)
     * @throws ConnectException when a failure is not tolerated (the task would be FAILED)
     */
    public List<SinkRecord> pollOnce() {
        checkTargetState();
        if (time.milliseconds() >= nextCommitMs) {
            commitOffsets();
            nextCommitMs = time.milliseconds() + commitIntervalMs;
        }
        List<SinkRecord> put;
        try {
            put = poll(Duration.ZERO);
        } finally {
            if (dlq != null) {
                dlq.flush();
            }
        }
        if (commitRequested) {
            commitOffsets();
            commitRequested = false;
        }
        return put;
    }

    /**
     * @return whether the task is assigned partitions and has consumed (and put or skipped) everything in them up
     *         to their current end
     */
    public boolean isCaughtUp() {
        Set<TopicPartition> assignment = consumer.assignment();
        if (assignment.isEmpty() || !batch.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment);
        for (TopicPartition tp : assignment) {
            if (consumer.position(tp) < ends.get(tp)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One poll: fetch, convert, transform and deliver (or redeliver a batch {@code put} refused before).
     *
     * @param timeout how long the consumer may wait for records
     * @return the records handed to {@code put} in this step (empty when none were)
     */
    List<SinkRecord> poll(Duration timeout) {
        lastPut.clear();
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(timeout);
        } catch (WakeupException e) {
            return List.of();
        }
        if (!records.isEmpty()) {
            convert(records);
        }
        if (pausedForRedelivery && time.milliseconds() < redeliverAtMs) {
            return List.of();
        }
        if (!records.isEmpty() || pausedForRedelivery || !batch.isEmpty()) {
            deliver();
        }
        return List.copyOf(lastPut);
    }

    private void convert(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            batchOffsets.put(tp, new OffsetAndMetadata(record.offset() + 1));
            List<Header> rawHeaders = new ArrayList<>();
            record.headers().forEach(rawHeaders::add);
            Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
            RawRecord raw = new RawRecord(record.topic(), record.partition(), record.offset(), timestamp,
                    record.key(), record.value(), rawHeaders);
            ProcessingContext ctx = ProcessingContext.forConsumed(raw);
            SinkRecord converted = convert(ctx, record, timestamp);
            if (converted == null) {
                continue;
            }
            SinkRecord transformed = chain.apply(ctx, converted);
            if (transformed != null) {
                batch.add(transformed);
                batchOriginals.put(key(record.topic(), record.partition(), record.offset()), raw);
            }
        }
    }

    private SinkRecord convert(ProcessingContext ctx, ConsumerRecord<byte[], byte[]> record, Long timestamp) {
        SchemaAndValue key = operator.execute(ctx, () -> converters.key().toConnectData(record.topic(),
                record.headers(), record.key()), Stage.KEY_CONVERTER, converters.key().getClass());
        if (ctx.failed()) {
            return null;
        }
        SchemaAndValue value = operator.execute(ctx, () -> converters.value().toConnectData(record.topic(),
                record.headers(), record.value()), Stage.VALUE_CONVERTER, converters.value().getClass());
        if (ctx.failed()) {
            return null;
        }
        ConnectHeaders headers = operator.execute(ctx, () -> {
            ConnectHeaders result = new ConnectHeaders();
            for (Header h : record.headers()) {
                SchemaAndValue sv = converters.header().toConnectHeader(record.topic(), h.key(), h.value());
                result.add(h.key(), sv);
            }
            return result;
        }, Stage.HEADER_CONVERTER, converters.header().getClass());
        if (ctx.failed()) {
            return null;
        }
        TimestampType type = timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : record.timestampType();
        return new SinkRecord(record.topic(), record.partition(), key.schema(), key.value(), value.schema(),
                value.value(), record.offset(), timestamp, type, headers, record.topic(), record.partition(),
                record.offset());
    }

    private static String key(String topic, Integer partition, long offset) {
        return topic + "\u0000" + partition + "\u0000" + offset;
    }

    private void deliver() {
        List<SinkRecord> toPut = new ArrayList<>(batch);
        try {
            task.put(toPut);
        } catch (RetriableException e) {
            log.warn("{} put failed with a retriable error; redelivering {} record(s) in {} ms: {}", id,
                    toPut.size(), redeliveryTimeoutMs, e.toString());
            pausedForRedelivery = true;
            redeliverAtMs = time.milliseconds() + redeliveryTimeoutMs;
            consumer.pause(consumer.assignment());
            return;
        } catch (RuntimeException e) {
            throw new ConnectException("Exiting WorkerSinkTask due to unrecoverable exception.", e);
        }
        putCount += toPut.size();
        lastPut.addAll(toPut);
        currentOffsets.putAll(batchOffsets);
        batch.clear();
        batchOffsets.clear();
        batchOriginals.clear();
        if (pausedForRedelivery) {
            pausedForRedelivery = false;
            applyPauses();
        }
        applyRewinds();
    }

    private void applyPauses() {
        Set<TopicPartition> assignment = consumer.assignment();
        if (isPaused() || pausedForRedelivery) {
            consumer.pause(assignment);
        } else {
            List<TopicPartition> resume = new ArrayList<>();
            for (TopicPartition tp : assignment) {
                if (!pausedByTask.contains(tp)) {
                    resume.add(tp);
                }
            }
            consumer.resume(resume);
            List<TopicPartition> pause = new ArrayList<>(pausedByTask);
            pause.retainAll(assignment);
            consumer.pause(pause);
        }
    }

    private void applyRewinds() {
        if (rewinds.isEmpty()) {
            return;
        }
        Set<TopicPartition> assignment = consumer.assignment();
        for (Map.Entry<TopicPartition, Long> e : rewinds.entrySet()) {
            if (assignment.contains(e.getKey())) {
                log.debug("{} rewinding {} to offset {}", id, e.getKey(), e.getValue());
                consumer.seek(e.getKey(), e.getValue());
                currentOffsets.put(e.getKey(), new OffsetAndMetadata(e.getValue()));
            }
        }
        rewinds.clear();
    }

    @Override
    protected void onTargetStateChange(boolean paused) {
        applyPauses();
    }

    /** Asks the task which offsets are safe ({@code preCommit}) and commits them; on the task's thread. */
    public void commitOffsets() {
        commitOffsets(null);
    }

    private void commitOffsets(Collection<TopicPartition> only) {
        if (currentOffsets.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> safe;
        try {
            safe = task.preCommit(new HashMap<>(currentOffsets));
        } catch (RuntimeException e) {
            log.error("{} preCommit (flush) of the task failed; rewinding to the last committed offsets so the "
                    + "records are delivered again", id, e);
            for (Map.Entry<TopicPartition, OffsetAndMetadata> c : lastCommitted.entrySet()) {
                if (consumer.assignment().contains(c.getKey())) {
                    consumer.seek(c.getKey(), c.getValue().offset());
                }
            }
            currentOffsets.clear();
            currentOffsets.putAll(lastCommitted);
            return;
        }
        if (safe == null || safe.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> toCommit = new LinkedHashMap<>();
        Set<TopicPartition> assignment = consumer.assignment();
        safe.forEach((tp, offset) -> {
            if (offset != null && assignment.contains(tp) && (only == null || only.contains(tp))
                    && !offset.equals(lastCommitted.get(tp))) {
                toCommit.put(tp, offset);
            }
        });
        if (toCommit.isEmpty()) {
            return;
        }
        if (dlq != null) {
            dlq.flush();
        }
        try {
            consumer.commitSync(toCommit);
            lastCommitted.putAll(toCommit);
            log.debug("{} committed offsets {}", id, toCommit);
        } catch (WakeupException e) {
            // Stopping: the final commit in close() retries.
            commitRequested = true;
        } catch (RunnelException e) {
            log.warn("{} offset commit failed (retried at the next commit): {}", id, e.toString());
        }
    }

    @Override
    protected void wakeup() {
        consumer.wakeup();
    }

    @Override
    protected void close(boolean graceful) {
        // the task closes its partitions itself: the revocation the consumer's close reports must not close them twice
        taskStopped = true;
        try {
            if (started) {
                Set<TopicPartition> assignment = new HashSet<>(consumer.assignment());
                if (graceful) {
                    commitOffsets();
                }
                if (!assignment.isEmpty()) {
                    task.close(assignment);
                }
                task.stop();
            }
        } catch (WakeupException e) {
            log.debug("{} woken up while closing", id);
        } catch (RuntimeException e) {
            log.warn("{} failed while closing the sink task", id, e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("{} failed to close its consumer", id, e);
            }
            closeQuietly(chain::close, "transformations");
            closeQuietly(converters::close, "converters");
            closeQuietly(operator::close, "error reporters");
            if (dlq != null) {
                closeQuietly(dlq::close, "dead-letter queue producer");
            }
        }
    }

    private void closeQuietly(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("{} failed to close its {}", id, what, e);
        }
    }

    /** @return records handed to {@code put} so far */
    public long putCount() {
        return putCount;
    }

    /** @return the offsets this task committed so far (next offset to consume per partition) */
    public Map<TopicPartition, OffsetAndMetadata> lastCommitted() {
        return Map.copyOf(lastCommitted);
    }

    /** The rebalance callbacks, run on the task's thread inside {@code poll}. */
    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Closing the consumer revokes the assignment again; the task already committed, closed its
            // partitions and stopped (its resources are gone), so there is nothing left to do, as in Kafka.
            if (partitions.isEmpty() || taskStopped) {
                return;
            }
            commitOffsets(partitions);
            task.close(partitions);
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            task.open(partitions);
            applyPauses();
            applyRewinds();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty() || taskStopped) {
                return;
            }
            task.close(partitions);
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                currentOffsets.remove(tp);
                lastCommitted.remove(tp);
                batchOffsets.remove(tp);
                pausedByTask.remove(tp);
            }
            batch.removeIf(r -> partitions.contains(new TopicPartition(r.originalTopic(),
                    r.originalKafkaPartition())));
        }
    }

    /** The context the task sees; its methods are called on the task's thread. */
    private final class Context implements SinkTaskContext {
        private ErrantRecordReporter reporter;

        @Override
        public Map<String, String> configs() {
            return taskConfig;
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            rewinds.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            rewinds.put(tp, offset);
        }

        @Override
        public void timeout(long timeoutMs) {
            redeliveryTimeoutMs = Math.max(0, timeoutMs);
        }

        @Override
        public Set<TopicPartition> assignment() {
            return consumer.assignment();
        }

        @Override
        public void pause(TopicPartition... partitions) {
            List<TopicPartition> list = Arrays.asList(partitions);
            pausedByTask.addAll(list);
            consumer.pause(list);
        }

        @Override
        public void resume(TopicPartition... partitions) {
            List<TopicPartition> list = Arrays.asList(partitions);
            list.forEach(pausedByTask::remove);
            if (!isPaused() && !pausedForRedelivery) {
                consumer.resume(list);
            }
        }

        @Override
        public void requestCommit() {
            commitRequested = true;
        }

        @Override
        public synchronized ErrantRecordReporter errantRecordReporter() {
            if (reporter == null) {
                reporter = new RuntimeErrantRecordReporter(operator, r -> batchOriginals.get(key(r.originalTopic(),
                        r.originalKafkaPartition(), r.originalKafkaOffset())), task.getClass());
            }
            return reporter;
        }
    }
}
