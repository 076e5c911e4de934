/** Exceptions of the Connect SPI, as Kafka Connect's {@code org.apache.kafka.connect.errors}. */
package io.runnel.connect.errors;
