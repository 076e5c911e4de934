package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;

import java.util.Map;

/**
 * The result of {@link Admin#deleteTopics} (Kafka's {@code DeleteTopicsResult}).
 */
public final class DeleteTopicsResult {

    private final Map<String, RunnelFuture<Void>> futures;

    /** @param futures per item of the request */
    public DeleteTopicsResult(Map<String, RunnelFuture<Void>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return one future per item of the request */
    public Map<String, RunnelFuture<Void>> topicNameValues() {
        return futures;
    }

    /** @return a future completed when every item succeeded; failed with the first failure */
    public RunnelFuture<Void> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0]));
    }
}
