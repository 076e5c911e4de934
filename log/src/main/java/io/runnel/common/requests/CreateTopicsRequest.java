package io.runnel.common.requests;

import java.util.List;
import java.util.Map;

/**
 * Creates topics (Kafka's CreateTopics, API key 19).
 *
 * @param topics       the topics
 * @param timeoutMs    how long the server may take, in ms
 * @param validateOnly check everything but create nothing
 */
public record CreateTopicsRequest(List<CreatableTopic> topics, int timeoutMs, boolean validateOnly)
        implements AbstractRequest<CreateTopicsResponse> {

    /**
     * A topic to create.
     *
     * @param name              the name
     * @param numPartitions     the partition count, or -1 for the broker's {@code num.partitions}
     * @param replicationFactor 1, or -1 for the broker's {@code default.replication.factor}
     * @param configs           topic-level config overrides (Kafka names)
     */
    public record CreatableTopic(String name, int numPartitions, short replicationFactor, Map<String, String> configs) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_TOPICS;
    }
}
