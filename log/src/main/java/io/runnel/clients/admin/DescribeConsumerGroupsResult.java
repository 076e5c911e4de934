package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link Admin#describeConsumerGroups} (Kafka's {@code DescribeConsumerGroupsResult}).
 */
public final class DescribeConsumerGroupsResult {

    private final Map<String, RunnelFuture<ConsumerGroupDescription>> futures;

    /** @param futures per group */
    public DescribeConsumerGroupsResult(Map<String, RunnelFuture<ConsumerGroupDescription>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return per group, its description (or {@code GroupIdNotFoundException}) */
    public Map<String, RunnelFuture<ConsumerGroupDescription>> describedGroups() {
        return futures;
    }

    /** @return every description, failed with the first failure */
    public RunnelFuture<Map<String, ConsumerGroupDescription>> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0])).thenApply(v -> {
            Map<String, ConsumerGroupDescription> out = new LinkedHashMap<>();
            futures.forEach((g, f) -> out.put(g, f.toCompletionStage().toCompletableFuture().join()));
            return out;
        });
    }
}
