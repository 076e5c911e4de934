package io.runnel.common.requests;

import io.runnel.common.Uuid;

import java.util.Map;

/**
 * The result of a {@link CreateTopicsRequest}.
 *
 * @param topics per topic name
 */
public record CreateTopicsResponse(Map<String, CreatableTopicResult> topics) implements AbstractResponse {

    /**
     * One topic's result.
     *
     * @param error             the error and message
     * @param topicId           the new topic's ID, or {@link Uuid#ZERO_UUID}
     * @param numPartitions     its partition count, or -1
     * @param replicationFactor its replication factor, or -1
     */
    public record CreatableTopicResult(ApiError error, Uuid topicId, int numPartitions, short replicationFactor) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_TOPICS;
    }
}
