package io.runnel.connect.errors;

/**
 * A {@link io.runnel.connect.data.SchemaBuilder} was used wrongly: a property set twice, a field added to a
 * non-struct, a default value that does not fit the schema.
 */
public class SchemaBuilderException extends DataException {

    /** @param message what went wrong and what to do about it */
    public SchemaBuilderException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public SchemaBuilderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public SchemaBuilderException(Throwable cause) {
        super(cause);
    }
}
