package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link Admin#describeTopics} (Kafka's {@code DescribeTopicsResult}).
 */
public final class DescribeTopicsResult {

    private final Map<String, RunnelFuture<TopicDescription>> futures;

    /** @param futures per topic */
    public DescribeTopicsResult(Map<String, RunnelFuture<TopicDescription>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return per topic, its description (or {@code UnknownTopicOrPartitionException}) */
    public Map<String, RunnelFuture<TopicDescription>> topicNameValues() {
        return futures;
    }

    /** @return every description, failed with the first failure */
    public RunnelFuture<Map<String, TopicDescription>> allTopicNames() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0])).thenApply(v -> {
            Map<String, TopicDescription> out = new LinkedHashMap<>();
            futures.forEach((t, f) -> out.put(t, f.toCompletionStage().toCompletableFuture().join()));
            return out;
        });
    }
}
