package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The group id is empty or null ({@code INVALID_GROUP_ID}, code 24). Set {@code group.id} to a non-empty value.
 */
public class InvalidGroupIdException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidGroupIdException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidGroupIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
