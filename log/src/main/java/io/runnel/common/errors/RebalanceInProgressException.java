package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The group is rebalancing ({@code REBALANCE_IN_PROGRESS}, code 27): a commit was refused because the member's
 * assignment may be about to change. Poll again (which completes the rebalance) and commit the offsets of the
 * partitions still owned.
 */
public class RebalanceInProgressException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public RebalanceInProgressException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public RebalanceInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
