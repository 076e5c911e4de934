package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The member's protocol type or assignors have nothing in common with the group's other members
 * ({@code INCONSISTENT_GROUP_PROTOCOL}, code 23): give every member at least one shared
 * {@code partition.assignment.strategy}.
 */
public class InconsistentGroupProtocolException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InconsistentGroupProtocolException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InconsistentGroupProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
