package io.runnel.clients.producer.internals;

import io.runnel.common.Cluster;
import io.runnel.common.PartitionInfo;
import io.runnel.common.utils.Utils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The producer's default partitioning (Kafka's {@code BuiltInPartitioner} contract): a record with a key goes to
 * {@code toPositive(murmur2(serializedKey)) % numPartitions}, exactly as in Kafka, so a key lands on the same
 * partition number in both; a record without a key goes to the topic's sticky partition, which changes (at
 * random, to another partition) when the batch it was filling is complete and a new one would be needed, so
 * keyless records fill whole batches rather than spreading one record per partition. Thread-safe.
 */
public final class BuiltInPartitioner {

    private final Map<String, Integer> sticky = new ConcurrentHashMap<>();

    /**
     * @param serializedKey the key bytes, not null
     * @param numPartitions the topic's partition count, {@code > 0}
     * @return the partition Kafka's producer chooses for the key
     */
    public static int partitionForKey(byte[] serializedKey, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(serializedKey)) % numPartitions;
    }

    /**
     * @param topic   the topic
     * @param cluster the metadata
     * @return the topic's current sticky partition
     */
    public int stickyPartition(String topic, Cluster cluster) {
        Integer p = sticky.get(topic);
        int count = cluster.partitionsForTopic(topic).size();
        if (p != null && p < count) {
            return p;
        }
        return sticky.compute(topic, (t, old) -> old != null && old < count ? old : pick(topic, cluster, -1));
    }

    /**
     * Moves the topic's sticky partition away from {@code previous} (called when its batch is complete).
     *
     * @param topic    the topic
     * @param cluster  the metadata
     * @param previous the partition whose batch filled up
     */
    public void onNewBatch(String topic, Cluster cluster, int previous) {
        sticky.compute(topic, (t, old) -> old == null || old == previous ? pick(topic, cluster, previous) : old);
    }

    private static int pick(String topic, Cluster cluster, int avoid) {
        List<PartitionInfo> available = cluster.availablePartitionsForTopic(topic);
        if (available.isEmpty()) {
            available = cluster.partitionsForTopic(topic);
        }
        int n = available.size();
        if (n == 1) {
            return available.get(0).partition();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int p;
        do {
            p = available.get(random.nextInt(n)).partition();
        } while (p == avoid);
        return p;
    }
}
