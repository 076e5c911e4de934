package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * Another member joined with the same {@code group.instance.id} ({@code FENCED_INSTANCE_ID}, code 82): this
 * static member is fenced and must stop. Give each running instance its own {@code group.instance.id}.
 */
public class FencedInstanceIdException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public FencedInstanceIdException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public FencedInstanceIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
