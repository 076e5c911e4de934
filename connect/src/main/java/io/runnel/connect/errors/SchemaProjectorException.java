package io.runnel.connect.errors;

/**
 * A value cannot be projected from one schema to another.
 */
public class SchemaProjectorException extends DataException {

    /** @param message what went wrong and what to do about it */
    public SchemaProjectorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public SchemaProjectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public SchemaProjectorException(Throwable cause) {
        super(cause);
    }
}
