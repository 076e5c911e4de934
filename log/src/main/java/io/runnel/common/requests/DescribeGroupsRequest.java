package io.runnel.common.requests;

import java.util.List;

/**
 * Describes groups (Kafka's DescribeGroups, API key 15).
 *
 * @param groupIds the groups
 */
public record DescribeGroupsRequest(List<String> groupIds) implements AbstractRequest<DescribeGroupsResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_GROUPS;
    }
}
