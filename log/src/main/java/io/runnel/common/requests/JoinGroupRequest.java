package io.runnel.common.requests;

import java.util.List;

/**
 * Joins (or rejoins) a group under the classic group protocol (Kafka's JoinGroup, API key 11). The response
 * arrives when the rebalance completes: every known member rejoined, or the rebalance timeout passed.
 *
 * @param groupId            the group
 * @param sessionTimeoutMs   the member's {@code session.timeout.ms}
 * @param rebalanceTimeoutMs how long the coordinator waits for members to rejoin ({@code max.poll.interval.ms})
 * @param memberId           the member id, or {@link #UNKNOWN_MEMBER_ID} for a new member
 * @param groupInstanceId    the static member id ({@code group.instance.id}), or null
 * @param protocolType       the protocol type, {@code consumer} for consumers
 * @param protocols          the supported protocols (assignor names) in preference order, each with its metadata
 *                           (for consumers: a ConsumerProtocol subscription)
 * @param reason             why the member (re)joins, for logs; may be null
 */
public record JoinGroupRequest(String groupId, int sessionTimeoutMs, int rebalanceTimeoutMs, String memberId,
                               String groupInstanceId, String protocolType, List<Protocol> protocols, String reason)
        implements AbstractRequest<JoinGroupResponse> {

    /** The member id of a member that has none yet. */
    public static final String UNKNOWN_MEMBER_ID = "";
    /** The generation of a member that has none. */
    public static final int UNKNOWN_GENERATION_ID = -1;

    /**
     * One supported protocol.
     *
     * @param name     the protocol (assignor) name
     * @param metadata its metadata bytes (opaque to the coordinator)
     */
    public record Protocol(String name, byte[] metadata) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.JOIN_GROUP;
    }
}
