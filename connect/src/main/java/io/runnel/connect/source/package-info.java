/**
 * The SPI of source connectors, which copy data from an outside system into topics, as Kafka Connect's {@code
 * org.apache.kafka.connect.source}. A {@link io.runnel.connect.source.SourceTask} returns {@link
 * io.runnel.connect.source.SourceRecord}s from {@code poll()}, each with a source partition and offset that the
 * runtime stores once the record is acknowledged and hands back through the {@link
 * io.runnel.connect.storage.OffsetStorageReader} after a restart.
 */
package io.runnel.connect.source;
