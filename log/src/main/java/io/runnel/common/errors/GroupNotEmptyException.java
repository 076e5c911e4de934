package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The group still has members ({@code NON_EMPTY_GROUP}, code 68): deleting it or altering its offsets needs
 * every consumer of the group to be closed first.
 */
public class GroupNotEmptyException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public GroupNotEmptyException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public GroupNotEmptyException(String message, Throwable cause) {
        super(message, cause);
    }
}
