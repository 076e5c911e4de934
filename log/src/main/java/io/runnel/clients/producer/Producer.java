package io.runnel.clients.producer;

import io.runnel.common.PartitionInfo;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The producer API (Kafka's {@code Producer}), implemented by {@link RunnelProducer}. Program against this
 * interface so tests can substitute a mock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Producer<K, V> extends Closeable {

    /**
     * Sends a record asynchronously; see {@link RunnelProducer#send(ProducerRecord, Callback)}.
     *
     * @param record the record
     * @return the future of the record's metadata
     */
    Future<RecordMetadata> send(ProducerRecord<K, V> record);

    /**
     * Sends a record asynchronously and calls {@code callback} when it is acknowledged or fails.
     *
     * @param record   the record
     * @param callback called on completion, may be null
     * @return the future of the record's metadata
     */
    Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback);

    /** Makes every buffered record sendable now and blocks until all sent records completed. */
    void flush();

    /**
     * @param topic a topic
     * @return its partitions (blocks up to {@code max.block.ms} for metadata)
     */
    List<PartitionInfo> partitionsFor(String topic);

    /** Sends everything buffered, then closes (waits without limit). */
    @Override
    void close();

    /**
     * Closes, waiting at most {@code timeout} for buffered records to be sent; what remains then fails.
     *
     * @param timeout the longest wait; {@link Duration#ZERO} fails every pending record at once
     */
    void close(Duration timeout);
}
