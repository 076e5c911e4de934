package io.runnel.common.requests;

import java.util.List;

/**
 * Deletes topics and their data (Kafka's DeleteTopics, API key 20).
 *
 * @param topicNames the topics
 * @param timeoutMs  how long the server may take, in ms
 */
public record DeleteTopicsRequest(List<String> topicNames, int timeoutMs) implements AbstractRequest<DeleteTopicsResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_TOPICS;
    }
}
