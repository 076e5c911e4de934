package io.runnel.common.requests;

import io.runnel.common.Cluster;
import io.runnel.common.Node;
import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;
import io.runnel.common.Uuid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of a {@link MetadataRequest}.
 *
 * @param clusterId    the cluster id
 * @param controllerId the controller's node id
 * @param brokers      the nodes
 * @param topics       one entry per topic asked for (or every topic)
 */
public record MetadataResponse(String clusterId, int controllerId, List<Node> brokers, List<TopicMetadata> topics)
        implements AbstractResponse {

    /**
     * A topic's metadata.
     *
     * @param error      {@link Errors#NONE}, {@link Errors#UNKNOWN_TOPIC_OR_PARTITION} or
     *                   {@link Errors#INVALID_TOPIC_EXCEPTION}
     * @param topic      the name
     * @param topicId    the topic ID, or {@link Uuid#ZERO_UUID}
     * @param isInternal whether it is an internal topic
     * @param partitions the partitions, in partition order
     */
    public record TopicMetadata(Errors error, String topic, Uuid topicId, boolean isInternal,
                                List<PartitionMetadata> partitions) {
    }

    /**
     * A partition's metadata.
     *
     * @param error       the error
     * @param partition   the partition
     * @param leaderId    the leader's node id, or -1
     * @param leaderEpoch the leader epoch, or -1
     * @param replicaIds  the replicas' node ids
     * @param isr         the in-sync replicas' node ids
     */
    public record PartitionMetadata(Errors error, TopicPartition partition, int leaderId, int leaderEpoch,
                                    List<Integer> replicaIds, List<Integer> isr) {
    }

    /** @return the topics by name (including failed ones) */
    public Map<String, TopicMetadata> topicsByName() {
        Map<String, TopicMetadata> m = new HashMap<>();
        topics.forEach(t -> m.put(t.topic(), t));
        return m;
    }

    /** @return a {@link Cluster} view of the topics without errors */
    public Cluster buildCluster() {
        Map<Integer, Node> nodes = new HashMap<>();
        brokers.forEach(n -> nodes.put(n.id(), n));
        List<PartitionInfo> partitions = new ArrayList<>();
        Set<String> internal = new HashSet<>();
        Map<String, Uuid> ids = new HashMap<>();
        for (TopicMetadata t : topics) {
            if (t.error() != Errors.NONE) {
                continue;
            }
            if (t.isInternal()) {
                internal.add(t.topic());
            }
            ids.put(t.topic(), t.topicId());
            for (PartitionMetadata p : t.partitions()) {
                Node[] replicas = p.replicaIds().stream().map(id -> nodes.getOrDefault(id, new Node(id, "", -1)))
                        .toArray(Node[]::new);
                Node[] isr = p.isr().stream().map(id -> nodes.getOrDefault(id, new Node(id, "", -1))).toArray(Node[]::new);
                partitions.add(new PartitionInfo(t.topic(), p.partition().partition(), nodes.get(p.leaderId()),
                        replicas, isr));
            }
        }
        return new Cluster(clusterId, brokers, partitions, Set.of(), internal, nodes.get(controllerId), ids);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.METADATA;
    }
}
