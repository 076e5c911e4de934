package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The produce request's {@code acks} is not 0, 1 or -1 ({@code INVALID_REQUIRED_ACKS}, code 21).
 */
public class InvalidRequiredAcksException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidRequiredAcksException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidRequiredAcksException(String message, Throwable cause) {
        super(message, cause);
    }
}
