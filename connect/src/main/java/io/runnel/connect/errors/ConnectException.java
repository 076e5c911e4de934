package io.runnel.connect.errors;

import io.runnel.common.RunnelException;

/**
 * The base of every exception the Connect framework, connectors and plugins throw on purpose. Unless it is a
 * {@link RetriableException}, the operation that threw it will not succeed if retried unchanged: the runtime
 * fails the task (or, for record-level stages with {@code errors.tolerance=all}, skips the record).
 */
public class ConnectException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public ConnectException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public ConnectException(Throwable cause) {
        super(cause);
    }
}
