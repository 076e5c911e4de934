package io.runnel.connect.errors;

/**
 * A connector, task or plugin that was asked for does not exist.
 */
public class NotFoundException extends ConnectException {

    /** @param message what went wrong and what to do about it */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public NotFoundException(Throwable cause) {
        super(cause);
    }
}
