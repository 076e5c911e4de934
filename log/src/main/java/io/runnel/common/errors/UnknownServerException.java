package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The server failed with an unexpected error ({@code UNKNOWN_SERVER_ERROR}, code -1); the message carries
 * the server's description. Usually a bug: report it with the log.
 */
public class UnknownServerException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public UnknownServerException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public UnknownServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
