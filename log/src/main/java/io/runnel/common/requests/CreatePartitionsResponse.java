package io.runnel.common.requests;

import java.util.Map;

/**
 * The result of a {@link CreatePartitionsRequest}.
 *
 * @param errors per topic
 */
public record CreatePartitionsResponse(Map<String, ApiError> errors) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_PARTITIONS;
    }
}
