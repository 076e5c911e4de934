package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A request is malformed or contradicts itself ({@code INVALID_REQUEST}, code 42); the message says what.
 */
public class InvalidRequestException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidRequestException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
