package io.runnel.common.requests;

import java.util.Map;

/**
 * The result of a {@link DeleteTopicsRequest}.
 *
 * @param errors per topic
 */
public record DeleteTopicsResponse(Map<String, ApiError> errors) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_TOPICS;
    }
}
