package io.runnel.streams.processor;

import java.util.Optional;
import java.util.Set;

/**
 * Chooses the partitions a sink writes a record to (Kafka's {@code StreamPartitioner}). Without one, a sink uses the
 * producer's default: murmur2 of the serialized key, exactly as Kafka, so a key lands on the same partition number
 * in Runnel and Kafka.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface StreamPartitioner<K, V> {

    /**
     * @param topic         the topic written to
     * @param key           the record key
     * @param value         the record value
     * @param numPartitions the topic's partition count
     * @return the partition, in {@code [0, numPartitions)}, or null for the default partitioning
     */
    Integer partition(String topic, K key, V value, int numPartitions);

    /**
     * Multicast: by default the single partition of {@link #partition}.
     *
     * @param topic         the topic written to
     * @param key           the record key
     * @param value         the record value
     * @param numPartitions the topic's partition count
     * @return empty for the default partitioning; otherwise the partitions to write the record to (an empty set
     *         drops the record)
     */
    default Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
        Integer partition = partition(topic, key, value, numPartitions);
        return partition == null ? Optional.empty() : Optional.of(Set.of(partition));
    }
}
