package io.runnel.common.requests;

import java.util.Set;

/**
 * Lists groups (Kafka's ListGroups, API key 16).
 *
 * @param statesFilter only groups in these states ({@code Stable}, {@code Empty}, ...); empty for all
 */
public record ListGroupsRequest(Set<String> statesFilter) implements AbstractRequest<ListGroupsResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_GROUPS;
    }
}
