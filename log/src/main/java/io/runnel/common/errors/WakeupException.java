package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A blocking consumer call was interrupted by {@code Consumer.wakeup()} from another thread (Kafka's
 * {@code WakeupException}). Not an error: the application asked for it, usually to shut the consumer down.
 */
public class WakeupException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public WakeupException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public WakeupException(String message, Throwable cause) {
        super(message, cause);
    }
}
