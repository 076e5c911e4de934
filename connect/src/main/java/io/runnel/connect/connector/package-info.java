/**
 * The base SPI of every connector, as Kafka Connect's {@code org.apache.kafka.connect.connector}: a {@link
 * io.runnel.connect.connector.Connector} splits a job into task configurations, {@link
 * io.runnel.connect.connector.Task}s move the data, and {@link io.runnel.connect.connector.ConnectRecord} is
 * the record shape both directions share.
 */
package io.runnel.connect.connector;
