package io.runnel.streams.errors;

/**
 * A state store failed to open, read, write, flush, restore or close; a storage engine failure (RocksDB) or an
 * unreadable checkpoint file is wrapped in one, with the store name and its directory in the message. Not
 * retriable: the task that owns the store has to be closed and its state wiped or repaired.
 */
public class ProcessorStateException extends StreamsException {

    /** @param message what failed, on which store and directory */
    public ProcessorStateException(String message) {
        super(message);
    }

    /**
     * @param message what failed, on which store and directory
     * @param cause   the underlying failure
     */
    public ProcessorStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
