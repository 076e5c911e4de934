package io.runnel.common.requests;

/**
 * The result of a {@link SyncGroupRequest}: this member's assignment.
 *
 * @param error        the error
 * @param protocolType the protocol type
 * @param protocolName the protocol
 * @param assignment   the assignment bytes (for consumers: a ConsumerProtocol assignment), empty on error
 */
public record SyncGroupResponse(Errors error, String protocolType, String protocolName, byte[] assignment)
        implements AbstractResponse {

    /**
     * @param error the error
     * @return a failed response
     */
    public static SyncGroupResponse failed(Errors error) {
        return new SyncGroupResponse(error, null, null, new byte[0]);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.SYNC_GROUP;
    }
}
