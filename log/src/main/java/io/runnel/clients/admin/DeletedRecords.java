package io.runnel.clients.admin;

/**
 * The result of deleting records in a partition (Kafka's {@code DeletedRecords}).
 *
 * @param lowWatermark the partition's log start offset afterwards
 */
public record DeletedRecords(long lowWatermark) {
}
