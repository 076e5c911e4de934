/**
 * The consumer group coordinator: Kafka's classic group protocol as one state machine
 * ({@link io.runnel.coordinator.group.GroupCoordinator}), with committed offsets and group metadata stored in the
 * compacted topic {@code __consumer_offsets}.
 */
package io.runnel.coordinator.group;
