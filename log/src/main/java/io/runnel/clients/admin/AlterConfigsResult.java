package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;

import java.util.Map;

/**
 * The result of {@link Admin#incrementalAlterConfigs} (Kafka's {@code AlterConfigsResult}).
 */
public final class AlterConfigsResult {

    private final Map<io.runnel.common.config.ConfigResource, RunnelFuture<Void>> futures;

    /** @param futures per item of the request */
    public AlterConfigsResult(Map<io.runnel.common.config.ConfigResource, RunnelFuture<Void>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return one future per item of the request */
    public Map<io.runnel.common.config.ConfigResource, RunnelFuture<Void>> values() {
        return futures;
    }

    /** @return a future completed when every item succeeded; failed with the first failure */
    public RunnelFuture<Void> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0]));
    }
}
