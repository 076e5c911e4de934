package io.runnel.clients.producer;

import io.runnel.common.Cluster;
import io.runnel.common.PartitionInfo;
import io.runnel.common.utils.Utils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads records over all partitions of a topic in turn, ignoring keys (Kafka's {@code RoundRobinPartitioner}).
 * Thread-safe: one counter per topic.
 */
public class RoundRobinPartitioner implements Partitioner {

    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    /** Creates the partitioner. */
    public RoundRobinPartitioner() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int next = Utils.toPositive(counters.computeIfAbsent(topic, t -> new AtomicInteger()).getAndIncrement());
        List<PartitionInfo> available = cluster.availablePartitionsForTopic(topic);
        if (!available.isEmpty()) {
            return available.get(next % available.size()).partition();
        }
        return next % cluster.partitionsForTopic(topic).size();
    }

    @Override
    public void close() {
    }
}
