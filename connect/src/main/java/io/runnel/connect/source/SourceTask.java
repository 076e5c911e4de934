package io.runnel.connect.source;

import io.runnel.clients.producer.RecordMetadata;
import io.runnel.connect.connector.Task;

import java.util.List;
import java.util.Map;

/**
 * A task that reads from an outside system and returns records to write to topics, as Kafka Connect's {@code
 * SourceTask}.
 *
 * <p>The runtime calls {@link #initialize}, {@link #start}, then {@link #poll()} in a loop on the task's thread,
 * sends each record (after transformations and conversion), and periodically stores the source offsets of the
 * records the log acknowledged. {@link #stop()} comes from another thread and should make a blocked
 * {@code poll()} return.
 */
public abstract class SourceTask implements Task {

    /** The context given by {@link #initialize}. */
    protected SourceTaskContext context;

    /** Creates the task; the runtime uses the public no-argument constructor. */
    protected SourceTask() {
    }

    /** @param context the runtime's context for this task */
    public void initialize(SourceTaskContext context) {
        this.context = context;
    }

    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Returns the next records. May block for a while waiting for data, but should return (null or an empty
     * list) now and then so the runtime can commit offsets and notice a stop.
     *
     * @return new records, or null when there are none yet
     * @throws InterruptedException if interrupted while waiting for data
     */
    public abstract List<SourceRecord> poll() throws InterruptedException;

    /**
     * Called after the offsets of the records returned so far were committed, for systems that acknowledge
     * reads. The default does nothing.
     *
     * @throws InterruptedException if interrupted
     */
    public void commit() throws InterruptedException {
    }

    @Override
    public abstract void stop();

    /**
     * Called once the log acknowledged a record, or when the runtime dropped it (filtered by a transformation or
     * skipped by error tolerance). The default does nothing.
     *
     * @param record the record as {@link #poll()} returned it (before transformations)
     * @throws InterruptedException if interrupted
     * @deprecated override {@link #commitRecord(SourceRecord, RecordMetadata)}, which also says where the record
     *             was written; kept because Kafka Connect still calls it from that method's default
     */
    @Deprecated
    public void commitRecord(SourceRecord record) throws InterruptedException {
    }

    /**
     * Called once the log acknowledged a record (on the producer's callback thread, as in Kafka Connect), or when
     * the runtime dropped it (on the task's thread: a transformation filtered it, or its failure was tolerated
     * under {@code errors.tolerance=all}). Must not block. The default calls {@link #commitRecord(SourceRecord)}.
     *
     * @param record   the record as {@link #poll()} returned it (before transformations)
     * @param metadata where the log wrote it (topic, partition, offset, timestamp), or null when it was dropped
     * @throws InterruptedException if interrupted
     */
    @SuppressWarnings("deprecation") // the default forwards to the deprecated one-argument variant, as Kafka does
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        commitRecord(record);
    }
}
