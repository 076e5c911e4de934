package io.runnel.common.requests;

import java.util.List;

/**
 * The result of a {@link ListGroupsRequest}.
 *
 * @param error  the error
 * @param groups the groups
 */
public record ListGroupsResponse(Errors error, List<ListedGroup> groups) implements AbstractResponse {

    /**
     * A group.
     *
     * @param groupId      the group id
     * @param protocolType {@code consumer}, or empty for a group that only has committed offsets
     * @param groupState   the state's display name ({@code Stable})
     */
    public record ListedGroup(String groupId, String protocolType, String groupState) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_GROUPS;
    }
}
