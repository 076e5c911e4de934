package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The group already has {@code group.max.size} members ({@code GROUP_MAX_SIZE_REACHED}, code 81).
 */
public class GroupMaxSizeReachedException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public GroupMaxSizeReachedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public GroupMaxSizeReachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
