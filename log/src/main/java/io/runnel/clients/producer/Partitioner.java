package io.runnel.clients.producer;

import io.runnel.common.Cluster;
import io.runnel.common.Configurable;

import java.io.Closeable;

/**
 * Chooses a record's partition (Kafka's {@code Partitioner}), set with {@code partitioner.class}. Without one the
 * producer uses its built-in partitioner: murmur2 of the serialized key (exactly as Kafka, so a key lands on the
 * same partition number) and sticky partitioning for records without a key. A record's explicit partition always
 * wins; a partitioner is not asked then.
 *
 * <p>Called on the application threads that call {@code send}: implementations must be thread-safe.
 */
public interface Partitioner extends Configurable, Closeable {

    /**
     * @param topic      the topic
     * @param key        the key, may be null
     * @param keyBytes   the serialized key, may be null
     * @param value      the value, may be null
     * @param valueBytes the serialized value, may be null
     * @param cluster    the current metadata; {@code cluster.partitionCountForTopic(topic)} is known
     * @return a partition in {@code [0, partitionCount)}
     */
    int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster);

    /** Called once when the producer closes. */
    @Override
    void close();
}
