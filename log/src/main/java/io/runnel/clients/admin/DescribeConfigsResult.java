package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;
import io.runnel.common.config.ConfigResource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link Admin#describeConfigs} (Kafka's {@code DescribeConfigsResult}).
 */
public final class DescribeConfigsResult {

    private final Map<ConfigResource, RunnelFuture<Config>> futures;

    /** @param futures per resource */
    public DescribeConfigsResult(Map<ConfigResource, RunnelFuture<Config>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return per resource, its settings */
    public Map<ConfigResource, RunnelFuture<Config>> values() {
        return futures;
    }

    /** @return every resource's settings, failed with the first failure */
    public RunnelFuture<Map<ConfigResource, Config>> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0])).thenApply(v -> {
            Map<ConfigResource, Config> out = new LinkedHashMap<>();
            futures.forEach((r, f) -> out.put(r, f.toCompletionStage().toCompletableFuture().join()));
            return out;
        });
    }
}
