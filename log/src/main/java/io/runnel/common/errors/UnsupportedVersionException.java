package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The operation or version is not supported ({@code UNSUPPORTED_VERSION}, code 35), for example a Kafka
 * feature Runnel does not implement yet.
 */
public class UnsupportedVersionException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public UnsupportedVersionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
