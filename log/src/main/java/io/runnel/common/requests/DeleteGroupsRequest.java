package io.runnel.common.requests;

import java.util.List;

/**
 * Deletes empty groups and their committed offsets (Kafka's DeleteGroups, API key 42).
 *
 * @param groupIds the groups
 */
public record DeleteGroupsRequest(List<String> groupIds) implements AbstractRequest<DeleteGroupsResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_GROUPS;
    }
}
