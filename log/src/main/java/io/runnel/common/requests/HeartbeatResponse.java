package io.runnel.common.requests;

/**
 * The result of a {@link HeartbeatRequest}: {@link Errors#NONE}, {@link Errors#REBALANCE_IN_PROGRESS} (rejoin),
 * {@link Errors#ILLEGAL_GENERATION}, {@link Errors#UNKNOWN_MEMBER_ID} or {@link Errors#FENCED_INSTANCE_ID}.
 *
 * @param error the error
 */
public record HeartbeatResponse(Errors error) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.HEARTBEAT;
    }
}
