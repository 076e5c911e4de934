package io.runnel.common.requests;

import java.util.List;

/**
 * The result of a {@link DescribeGroupsRequest}.
 *
 * @param groups one per group asked for; an unknown group is reported in state {@code Dead}
 */
public record DescribeGroupsResponse(List<DescribedGroup> groups) implements AbstractResponse {

    /**
     * A group.
     *
     * @param error        the error
     * @param groupId      the group id
     * @param groupState   the state's display name
     * @param protocolType the protocol type, empty when none
     * @param protocolData the chosen protocol (assignor name), empty when none
     * @param members      the members
     */
    public record DescribedGroup(Errors error, String groupId, String groupState, String protocolType,
                                 String protocolData, List<DescribedGroupMember> members) {
    }

    /**
     * A member.
     *
     * @param memberId         the member id
     * @param groupInstanceId  the static id, or null
     * @param clientId         the member's {@code client.id}
     * @param clientHost       where it runs
     * @param memberMetadata   its metadata for the chosen protocol
     * @param memberAssignment its assignment (empty until the group is stable)
     */
    public record DescribedGroupMember(String memberId, String groupInstanceId, String clientId, String clientHost,
                                       byte[] memberMetadata, byte[] memberAssignment) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_GROUPS;
    }
}
