package io.runnel.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * A partition as cluster metadata describes it: topic, number, leader and replicas, as Kafka's
 * {@code PartitionInfo}. On the embedded log every partition has one replica, the single node, which leads it
 * and is in sync.
 *
 * <p>Immutable and thread-safe.
 */
public final class PartitionInfo {

    private final String topic;
    private final int partition;
    private final Node leader;
    private final Node[] replicas;
    private final Node[] inSyncReplicas;
    private final Node[] offlineReplicas;

    /**
     * @param topic           the topic
     * @param partition       the partition number
     * @param leader          the leader, or null when none is available
     * @param replicas        every replica
     * @param inSyncReplicas  the in-sync replicas
     */
    public PartitionInfo(String topic, int partition, Node leader, Node[] replicas, Node[] inSyncReplicas) {
        this(topic, partition, leader, replicas, inSyncReplicas, new Node[0]);
    }

    /**
     * @param topic           the topic
     * @param partition       the partition number
     * @param leader          the leader, or null when none is available
     * @param replicas        every replica
     * @param inSyncReplicas  the in-sync replicas
     * @param offlineReplicas the offline replicas
     */
    public PartitionInfo(String topic, int partition, Node leader, Node[] replicas, Node[] inSyncReplicas,
                         Node[] offlineReplicas) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.leader = leader;
        this.replicas = replicas.clone();
        this.inSyncReplicas = inSyncReplicas.clone();
        this.offlineReplicas = offlineReplicas.clone();
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return the partition number */
    public int partition() {
        return partition;
    }

    /** @return the leader, or null */
    public Node leader() {
        return leader;
    }

    /** @return the replicas (a copy) */
    public Node[] replicas() {
        return replicas.clone();
    }

    /** @return the in-sync replicas (a copy) */
    public Node[] inSyncReplicas() {
        return inSyncReplicas.clone();
    }

    /** @return the offline replicas (a copy) */
    public Node[] offlineReplicas() {
        return offlineReplicas.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionInfo p && topic.equals(p.topic) && partition == p.partition
                && Objects.equals(leader, p.leader) && Arrays.equals(replicas, p.replicas)
                && Arrays.equals(inSyncReplicas, p.inSyncReplicas) && Arrays.equals(offlineReplicas, p.offlineReplicas);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, leader, Arrays.hashCode(replicas), Arrays.hashCode(inSyncReplicas));
    }

    @Override
    public String toString() {
        return "Partition(topic = " + topic + ", partition = " + partition + ", leader = "
                + (leader == null ? "none" : leader.idString()) + ", replicas = " + ids(replicas) + ", isr = "
                + ids(inSyncReplicas) + ", offlineReplicas = " + ids(offlineReplicas) + ")";
    }

    private static String ids(Node[] nodes) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < nodes.length; i++) {
            b.append(i == 0 ? "" : ",").append(nodes[i] == null ? "null" : nodes[i].idString());
        }
        return b.append(']').toString();
    }
}
