package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A topic with that name already exists.
 */
public class TopicExistsException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public TopicExistsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public TopicExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
