/**
 * Converters between Connect data and the bytes in the log, and the offset reader of source tasks, as Kafka
 * Connect's {@code org.apache.kafka.connect.storage}.
 */
package io.runnel.connect.storage;
