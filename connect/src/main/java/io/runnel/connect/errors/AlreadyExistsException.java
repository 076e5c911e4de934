package io.runnel.connect.errors;

/**
 * A connector with the same name already exists.
 */
public class AlreadyExistsException extends ConnectException {

    /** @param message what went wrong and what to do about it */
    public AlreadyExistsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public AlreadyExistsException(Throwable cause) {
        super(cause);
    }
}
