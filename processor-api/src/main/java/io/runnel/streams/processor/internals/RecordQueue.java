package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.streams.errors.DeserializationExceptionHandler;
import io.runnel.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.TimestampExtractor;

import java.util.ArrayDeque;

/**
 * The buffered records of one input partition of a task: raw records as polled, and a head record deserialized and
 * timestamped lazily (so a task chooses by timestamp without deserializing everything it buffers). Records that
 * cannot be deserialized go to the {@code default.deserialization.exception.handler}; records whose extracted
 * timestamp is negative are dropped, as in Kafka.
 *
 * <p>Partition time is the largest timestamp extracted from this partition so far (-1 before the first), as in
 * Kafka: it is what the extractor receives and what is committed with the offset.
 * Used by the task's thread only.
 */
final class RecordQueue {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordQueue.class);

    private final TopicPartition partition;
    private final SourceNode<Object, Object> source;
    private final TimestampExtractor extractor;
    private final DeserializationExceptionHandler deserializationHandler;
    private final TaskId taskId;
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> raw = new ArrayDeque<>();
    private StampedRecord head;
    private long partitionTime = -1L;
    private long droppedRecords;
    private long consumedUpTo = -1L;

    @SuppressWarnings("unchecked") // a source's types are erased here: it deserializes to Object
    RecordQueue(TopicPartition partition, SourceNode<?, ?> source, TimestampExtractor extractor,
                DeserializationExceptionHandler deserializationHandler, TaskId taskId) {
        this.partition = partition;
        this.source = (SourceNode<Object, Object>) source;
        this.extractor = extractor;
        this.deserializationHandler = deserializationHandler;
        this.taskId = taskId;
    }

    TopicPartition partition() {
        return partition;
    }

    SourceNode<Object, Object> source() {
        return source;
    }

    /**
     * @param records polled records of this partition, in offset order
     * @return the new size
     */
    int addRawRecords(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            raw.addLast(r);
        }
        updateHead();
        return size();
    }

    /** @return the head record, removed, or null if empty */
    StampedRecord poll() {
        StampedRecord record = head;
        head = null;
        if (record != null) {
            consumedUpTo = record.offset() + 1;
        }
        updateHead();
        return record;
    }

    /** @return the head record without removing it, or null */
    StampedRecord peek() {
        return head;
    }

    /** @return the head's timestamp, or -1 if empty */
    long headRecordTimestamp() {
        return head == null ? -1L : head.timestamp();
    }

    /** @return the head's offset, or -1 if empty */
    long headRecordOffset() {
        return head == null ? -1L : head.offset();
    }

    /** @return buffered records, the head included */
    int size() {
        return raw.size() + (head == null ? 0 : 1);
    }

    boolean isEmpty() {
        return head == null && raw.isEmpty();
    }

    long partitionTime() {
        return partitionTime;
    }

    /** @param time a partition time restored from committed metadata */
    void setPartitionTime(long time) {
        partitionTime = time;
    }

    /** @return the offset after the last record processed or dropped, or -1 if none yet */
    long consumedUpTo() {
        return consumedUpTo;
    }

    long droppedRecords() {
        return droppedRecords;
    }

    /** Drops every buffered record (the task is suspended; they will be fetched again). */
    void clear() {
        raw.clear();
        head = null;
    }

    private void updateHead() {
        while (head == null && !raw.isEmpty()) {
            ConsumerRecord<byte[], byte[]> next = raw.pollFirst();
            ConsumerRecord<Object, Object> deserialized = deserialize(next);
            if (deserialized == null) {
                droppedRecords++;
                consumedUpTo = next.offset() + 1;
                continue;
            }
            long timestamp;
            try {
                timestamp = extractor.extract(deserialized, partitionTime);
            } catch (StreamsException e) {
                e.setTaskId(taskId);
                throw e;
            } catch (RuntimeException e) {
                throw new StreamsException("Fatal user code error in TimestampExtractor callback for record " + next
                        .topic() + "-" + next.partition() + "@" + next.offset() + " in task " + taskId + ": " + e,
                        e, taskId);
            }
            if (timestamp < 0) {
                consumedUpTo = next.offset() + 1;
                LOG.warn("Skipping record {}-{}@{} in task {}: its extracted timestamp {} is negative",
                        next.topic(), next.partition(), next.offset(), taskId, timestamp);
                droppedRecords++;
                continue;
            }
            partitionTime = Math.max(partitionTime, timestamp);
            head = new StampedRecord(deserialized, timestamp);
        }
    }

    private ConsumerRecord<Object, Object> deserialize(ConsumerRecord<byte[], byte[]> record) {
        try {
            Object key = source.deserializeKey(record.topic(), record.headers(), record.key());
            Object value = source.deserializeValue(record.topic(), record.headers(), record.value());
            return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), key, value,
                    record.headers(), record.leaderEpoch());
        } catch (RuntimeException e) {
            DeserializationHandlerResponse response;
            DefaultErrorHandlerContext context = new DefaultErrorHandlerContext(record.topic(), record.partition(),
                    record.offset(), record.headers(), source.name(), taskId, record.timestamp());
            try {
                response = deserializationHandler.handle(context, record, e);
            } catch (RuntimeException handlerFailure) {
                throw new StreamsException("Fatal user code error in deserialization error callback for record "
                        + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + handlerFailure,
                        handlerFailure, taskId);
            }
            if (response == DeserializationHandlerResponse.CONTINUE) {
                return null;
            }
            throw new StreamsException("Deserialization exception handler is set to fail upon a deserialization"
                    + " error. Failed to deserialize record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " in task " + taskId + " (source " + source.name() + "): " + e, e, taskId);
        }
    }
}
