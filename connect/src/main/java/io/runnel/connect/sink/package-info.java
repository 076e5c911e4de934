/**
 * The SPI of sink connectors, which copy data from topics to an outside system, as Kafka Connect's {@code
 * org.apache.kafka.connect.sink}. A {@link io.runnel.connect.sink.SinkTask} receives {@link
 * io.runnel.connect.sink.SinkRecord}s in {@code put}, and the runtime commits the consumer offsets that {@code
 * preCommit} declares safe.
 */
package io.runnel.connect.sink;
