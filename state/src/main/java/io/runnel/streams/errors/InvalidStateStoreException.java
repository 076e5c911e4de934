package io.runnel.streams.errors;

/**
 * A state store cannot be used now: it is not initialised yet, it has been closed, or (for interactive queries
 * later) it migrated to another instance. The message names the store. The store may become usable again after a
 * rebalance or restart; retrying the same call on the same closed instance never succeeds.
 */
public class InvalidStateStoreException extends StreamsException {

    /** @param message what is wrong with which store */
    public InvalidStateStoreException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with which store
     * @param cause   the underlying failure
     */
    public InvalidStateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
