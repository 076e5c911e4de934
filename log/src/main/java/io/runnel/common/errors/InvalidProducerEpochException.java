package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A producer batch carries an epoch older than the epoch the log already saw for that producer id: the
 * producer was fenced by a newer instance and must stop.
 */
public class InvalidProducerEpochException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidProducerEpochException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidProducerEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
