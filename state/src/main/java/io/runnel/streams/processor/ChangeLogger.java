package io.runnel.streams.processor;

import io.runnel.common.utils.Bytes;

/**
 * Where a logged store's change-logging layer hands every write; the runtime implements it by sending a record to
 * the store's changelog topic (key and value bytes as given, the timestamp as the record timestamp). Obtained from
 * {@link StateStoreContext#changeLogger(String)}.
 *
 * <p>Formats of the bytes are Kafka's changelog formats, so a changelog written by Runnel restores a Kafka Streams
 * store and back: key-value stores log the serialized key and value; window stores log
 * {@code key + 8-byte window start + 4-byte sequence number}; session stores log
 * {@code key + 8-byte session end + 8-byte session start}; timestamped stores log the plain value with the value's
 * timestamp as the record timestamp.
 *
 * <p>Called on the task's thread only.
 */
@FunctionalInterface
public interface ChangeLogger {

    /** A logger that drops everything, for stores whose runtime has no changelog (tests, standby-less setups). */
    ChangeLogger NO_OP = (key, value, timestamp) -> { };

    /**
     * @param key       the changelog key, not null
     * @param value     the new value, or null for a delete (a tombstone)
     * @param timestamp the record timestamp in ms
     */
    void log(Bytes key, byte[] value, long timestamp);
}
