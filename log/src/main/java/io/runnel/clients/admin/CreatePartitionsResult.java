package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;

import java.util.Map;

/**
 * The result of {@link Admin#createPartitions} (Kafka's {@code CreatePartitionsResult}).
 */
public final class CreatePartitionsResult {

    private final Map<String, RunnelFuture<Void>> futures;

    /** @param futures per item of the request */
    public CreatePartitionsResult(Map<String, RunnelFuture<Void>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return one future per item of the request */
    public Map<String, RunnelFuture<Void>> values() {
        return futures;
    }

    /** @return a future completed when every item succeeded; failed with the first failure */
    public RunnelFuture<Void> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0]));
    }
}
