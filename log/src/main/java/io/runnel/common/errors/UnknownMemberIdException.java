package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The coordinator does not know the member id ({@code UNKNOWN_MEMBER_ID}, code 25): the member was removed
 * (session timeout, poll timeout, leave) or never joined. It must rejoin with an empty member id.
 */
public class UnknownMemberIdException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public UnknownMemberIdException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public UnknownMemberIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
