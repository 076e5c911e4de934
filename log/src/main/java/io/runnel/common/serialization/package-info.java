/**
 * Serializers, deserializers and serdes with Apache Kafka's names and byte formats
 * ({@code org.apache.kafka.common.serialization}): a value written by Kafka's {@code LongSerializer} is read by
 * Runnel's {@code LongDeserializer} and the other way round.
 */
package io.runnel.common.serialization;
