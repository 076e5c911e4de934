package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A topic or broker setting given through the admin API is unknown, malformed or not supported
 * ({@code INVALID_CONFIG}, code 40). The message names the setting.
 */
public class InvalidConfigurationException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
