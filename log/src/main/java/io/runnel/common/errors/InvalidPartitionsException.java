package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A partition count was rejected: it is not positive, or it would decrease a topic's partition count
 * (Kafka, and Runnel, can only add partitions).
 */
public class InvalidPartitionsException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidPartitionsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidPartitionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
