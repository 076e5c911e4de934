package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A topic name is not legal: empty, {@code .} or {@code ..}, longer than 249 characters, made of characters
 * other than ASCII letters, digits, {@code .}, {@code _} and {@code -}, or colliding with an existing topic
 * once {@code .} and {@code _} are treated as the same character (metric names cannot tell them apart).
 */
public class InvalidTopicException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidTopicException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
