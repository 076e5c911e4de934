/**
 * Converters for raw bytes and single numbers, as Kafka Connect's {@code org.apache.kafka.connect.converters}.
 * The number converters write Kafka's big-endian serializer formats.
 */
package io.runnel.connect.converters;
