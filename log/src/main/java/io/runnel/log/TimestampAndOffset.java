package io.runnel.log;

/**
 * The answer to {@link PartitionLog#offsetForTimestamp(long)}: a record's timestamp and offset (Kafka's
 * {@code FileRecords.TimestampAndOffset}, the ListOffsets response).
 *
 * @param timestamp the record's timestamp in ms, or -1 for the earliest/latest special lookups
 * @param offset    the offset
 */
public record TimestampAndOffset(long timestamp, long offset) {
}
