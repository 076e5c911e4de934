package io.runnel.common.requests;

import java.util.List;

/**
 * Asks for topic and node metadata (Kafka's Metadata, API key 3).
 *
 * @param topics                 the topics wanted, or null for every topic
 * @param allowAutoTopicCreation create missing topics with {@code num.partitions} partitions if the broker's
 *                               {@code auto.create.topics.enable} allows it
 */
public record MetadataRequest(List<String> topics, boolean allowAutoTopicCreation)
        implements AbstractRequest<MetadataResponse> {

    /** @return a request for every topic, creating none */
    public static MetadataRequest allTopics() {
        return new MetadataRequest(null, false);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.METADATA;
    }
}
