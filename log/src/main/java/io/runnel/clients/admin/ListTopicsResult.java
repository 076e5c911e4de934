package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The result of {@link Admin#listTopics} (Kafka's {@code ListTopicsResult}).
 */
public final class ListTopicsResult {

    private final RunnelFuture<Map<String, TopicListing>> future;

    /** @param future the listings by name */
    public ListTopicsResult(RunnelFuture<Map<String, TopicListing>> future) {
        this.future = future;
    }

    /** @return the listings by name */
    public RunnelFuture<Map<String, TopicListing>> namesToListings() {
        return future;
    }

    /** @return the listings */
    public RunnelFuture<Collection<TopicListing>> listings() {
        return future.thenApply(Map::values);
    }

    /** @return the names, sorted */
    public RunnelFuture<Set<String>> names() {
        return future.thenApply(m -> new java.util.TreeSet<>(m.keySet()));
    }
}
