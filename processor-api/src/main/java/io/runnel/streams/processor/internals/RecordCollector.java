package io.runnel.streams.processor.internals;

import io.runnel.common.TopicPartition;
import io.runnel.common.header.Headers;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.processor.StreamPartitioner;

import java.util.Map;

/**
 * Where sinks and change logging write: serializes, picks partitions, sends through the stream thread's producer,
 * applies the {@code default.production.exception.handler}, and remembers the offset of the last acknowledged
 * record per partition (for changelog checkpoints). One per stream thread, shared by its tasks; {@link #send} and
 * {@link #flush} are called on the thread, acknowledgements arrive on the producer's thread.
 */
public interface RecordCollector {

    /**
     * Sends a record to a chosen partition, or to the one the partitioner (or the producer's default) picks.
     *
     * @param <K>             the key type
     * @param <V>             the value type
     * @param topic           the topic
     * @param key             the key
     * @param value           the value
     * @param headers         the headers, or null
     * @param timestamp       the record timestamp in ms
     * @param keySerializer   the key serializer
     * @param valueSerializer the value serializer
     * @param partitioner     the partitioner, or null for the default (murmur2 of the key bytes)
     * @param processorNodeId the sending node, for error messages and handlers
     * @param context         the task's context (the input record behind the output), or null
     * @throws ProductionFailedException if this or an earlier send failed and the handler answered FAIL
     */
    <K, V> void send(String topic, K key, V value, Headers headers, long timestamp, Serializer<K> keySerializer,
                     Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner,
                     String processorNodeId, InternalProcessorContext context);

    /**
     * Sends a record to a fixed partition (change logging).
     *
     * @param <K>             the key type
     * @param <V>             the value type
     * @param topic           the topic
     * @param partition       the partition
     * @param key             the key
     * @param value           the value
     * @param headers         the headers, or null
     * @param timestamp       the record timestamp in ms
     * @param keySerializer   the key serializer
     * @param valueSerializer the value serializer
     * @param processorNodeId the sending node or store, for messages
     * @param context         the task's context, or null
     * @throws ProductionFailedException if this or an earlier send failed and the handler answered FAIL
     */
    <K, V> void send(String topic, int partition, K key, V value, Headers headers, long timestamp,
                     Serializer<K> keySerializer, Serializer<V> valueSerializer, String processorNodeId,
                     InternalProcessorContext context);

    /**
     * Waits until every record sent is acknowledged.
     *
     * @throws ProductionFailedException if a send failed and the handler answered FAIL
     */
    void flush();

    /** @return the offset of the last acknowledged record per partition written to (a snapshot) */
    Map<TopicPartition, Long> offsets();

    /** Closes the producer; {@code clean} flushes first. */
    void close();
}
