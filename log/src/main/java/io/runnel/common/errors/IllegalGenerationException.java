package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The member's generation is not the group's current one ({@code ILLEGAL_GENERATION}, code 22): the group
 * rebalanced without this member. The member must rejoin; its partitions may already belong to others.
 */
public class IllegalGenerationException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public IllegalGenerationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public IllegalGenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
