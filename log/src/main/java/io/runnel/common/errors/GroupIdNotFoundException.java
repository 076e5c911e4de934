package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The group does not exist ({@code GROUP_ID_NOT_FOUND}, code 69).
 */
public class GroupIdNotFoundException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public GroupIdNotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public GroupIdNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
