package io.runnel.common.requests;

import io.runnel.common.config.ConfigResource;

import java.util.List;

/**
 * Describes topic or broker configuration (Kafka's DescribeConfigs, API key 32).
 *
 * @param resources             the resources
 * @param includeDocumentation  include each setting's documentation
 */
public record DescribeConfigsRequest(List<ConfigResource> resources, boolean includeDocumentation)
        implements AbstractRequest<DescribeConfigsResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CONFIGS;
    }
}
