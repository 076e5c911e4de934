package io.runnel.connect.errors;

/**
 * Data does not match what was expected: a value that does not fit its schema, bytes a converter cannot read,
 * a field that does not exist. Record-level stages (converters, transformations) throw it; with
 * {@code errors.tolerance=all} the runtime skips the record and reports it.
 */
public class DataException extends ConnectException {

    /** @param message what went wrong and what to do about it */
    public DataException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public DataException(Throwable cause) {
        super(cause);
    }
}
