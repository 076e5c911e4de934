package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A replication factor cannot be met ({@code INVALID_REPLICATION_FACTOR}, code 38): the embedded log has one
 * node, so only a replication factor of 1 (or -1 for the default) is accepted until replication exists.
 */
public class InvalidReplicationFactorException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidReplicationFactorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidReplicationFactorException(String message, Throwable cause) {
        super(message, cause);
    }
}
