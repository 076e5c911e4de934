package io.runnel.common.errors;

import io.runnel.common.RunnelException;

/**
 * A key or value could not be serialized or deserialized: bytes of the wrong size or format, or a type the
 * serializer cannot handle. The message says which, and what was expected.
 */
public class SerializationException extends RunnelException {

    /** @param message what could not be (de)serialized and why */
    public SerializationException(String message) {
        super(message);
    }

    /**
     * @param message what could not be (de)serialized and why
     * @param cause   the underlying failure
     */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
