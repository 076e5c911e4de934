package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;
import io.runnel.common.Uuid;

import java.util.Map;

/**
 * The result of {@link Admin#createTopics} (Kafka's {@code CreateTopicsResult}): one future per topic.
 */
public final class CreateTopicsResult {

    /**
     * What the log reports for a created topic.
     *
     * @param topicId           the topic ID
     * @param numPartitions     the partition count
     * @param replicationFactor the replication factor
     */
    public record TopicMetadataAndConfig(Uuid topicId, int numPartitions, int replicationFactor) {
    }

    private final Map<String, RunnelFuture<TopicMetadataAndConfig>> futures;

    /** @param futures per topic */
    public CreateTopicsResult(Map<String, RunnelFuture<TopicMetadataAndConfig>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return per topic, a future completed when it is created (or failed, e.g. {@code TopicExistsException}) */
    public Map<String, RunnelFuture<Void>> values() {
        Map<String, RunnelFuture<Void>> out = new java.util.HashMap<>();
        futures.forEach((t, f) -> out.put(t, f.thenApply(v -> (Void) null)));
        return out;
    }

    /** @return a future completed when every topic is created; failed with the first failure */
    public RunnelFuture<Void> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0]));
    }

    /**
     * @param topic a topic of the request
     * @return its topic ID
     */
    public RunnelFuture<Uuid> topicId(String topic) {
        return future(topic).thenApply(TopicMetadataAndConfig::topicId);
    }

    /**
     * @param topic a topic of the request
     * @return its partition count
     */
    public RunnelFuture<Integer> numPartitions(String topic) {
        return future(topic).thenApply(TopicMetadataAndConfig::numPartitions);
    }

    /**
     * @param topic a topic of the request
     * @return its replication factor
     */
    public RunnelFuture<Integer> replicationFactor(String topic) {
        return future(topic).thenApply(TopicMetadataAndConfig::replicationFactor);
    }

    private RunnelFuture<TopicMetadataAndConfig> future(String topic) {
        RunnelFuture<TopicMetadataAndConfig> f = futures.get(topic);
        if (f == null) {
            throw new IllegalArgumentException("Topic " + topic + " was not part of the request");
        }
        return f;
    }
}
