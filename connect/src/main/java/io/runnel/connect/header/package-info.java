/**
 * Connect record headers: each a key and a value with its {@link io.runnel.connect.data.Schema}, as Kafka
 * Connect's {@code org.apache.kafka.connect.header}. A {@link io.runnel.connect.storage.HeaderConverter} turns
 * them into and out of the log's byte headers.
 */
package io.runnel.connect.header;
