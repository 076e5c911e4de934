package io.runnel.common.requests;

import io.runnel.common.config.ConfigResource;

import java.util.Map;

/**
 * The result of an {@link IncrementalAlterConfigsRequest}.
 *
 * @param errors per resource
 */
public record IncrementalAlterConfigsResponse(Map<ConfigResource, ApiError> errors) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INCREMENTAL_ALTER_CONFIGS;
    }
}
