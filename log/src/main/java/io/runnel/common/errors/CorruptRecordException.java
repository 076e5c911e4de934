package io.runnel.common.errors;

/**
 * Stored or received bytes do not form a valid RecordBatch v2: a size out of bounds, a wrong magic byte,
 * a CRC-32C mismatch or a record that overruns its batch. The message names the topic-partition (or the
 * file), the offset and the file position. Retriable as in Kafka: a fetch of the same bytes from another replica
 * or after log recovery may succeed; the log itself truncates a corrupt tail when it recovers.
 */
public class CorruptRecordException extends RetriableException {

    /** @param message what went wrong and what to do about it */
    public CorruptRecordException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
