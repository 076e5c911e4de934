package io.runnel.connect.sink;

import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.connect.connector.Task;

import java.util.Collection;
import java.util.Map;

/**
 * A task that writes records from topics to an outside system, as Kafka Connect's {@code SinkTask}.
 *
 * <p>Lifecycle on the task's thread: {@link #initialize}, {@link #start}, {@link #open} with the assigned
 * partitions, then {@link #put} with each batch of consumed records, {@link #preCommit} (which defaults to
 * {@link #flush}) before offsets are committed, {@link #close} when partitions are revoked, and {@link #stop}.
 * {@code put} may buffer; the records are only considered written once {@code flush}/{@code preCommit}
 * returns for their offsets. Throw {@link io.runnel.connect.errors.RetriableException} from {@code put} to get
 * the same batch again later.
 */
public abstract class SinkTask implements Task {

    /** The setting naming the topics to consume. */
    public static final String TOPICS_CONFIG = "topics";
    /** The setting giving a regular expression of topics to consume. */
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";

    /** The context given by {@link #initialize}. */
    protected SinkTaskContext context;

    /** Creates the task; the runtime uses the public no-argument constructor. */
    protected SinkTask() {
    }

    /** @param context the runtime's context for this task */
    public void initialize(SinkTaskContext context) {
        this.context = context;
    }

    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Writes (or buffers) records.
     *
     * @param records the next records, in offset order per partition; may be empty
     * @throws io.runnel.connect.errors.RetriableException to have the same records delivered again
     */
    public abstract void put(Collection<SinkRecord> records);

    /**
     * Makes everything {@link #put} so far durable in the outside system. The default does nothing.
     *
     * @param currentOffsets the next offset to consume per partition, covering every record put so far
     */
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    /**
     * Decides which offsets may be committed; the default flushes and returns {@code currentOffsets}.
     *
     * @param currentOffsets the next offset to consume per partition, covering every record put so far
     * @return the offsets safe to commit (a subset or earlier offsets are fine; empty commits nothing)
     */
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        flush(currentOffsets);
        return currentOffsets;
    }

    /**
     * Called when partitions are assigned to this task, before records of them are put. The default does nothing.
     *
     * @param partitions the newly assigned partitions
     */
    public void open(Collection<TopicPartition> partitions) {
    }

    /**
     * Called when partitions are revoked, after their last commit; release what belongs to them. The default
     * does nothing.
     *
     * @param partitions the revoked partitions
     */
    public void close(Collection<TopicPartition> partitions) {
    }

    @Override
    public abstract void stop();
}
