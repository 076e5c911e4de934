/**
 * The producer client, with Apache Kafka's shapes ({@code org.apache.kafka.clients.producer}):
 * {@link io.runnel.clients.producer.Producer}, {@link io.runnel.clients.producer.RunnelProducer},
 * {@link io.runnel.clients.producer.ProducerRecord}, {@link io.runnel.clients.producer.RecordMetadata},
 * {@link io.runnel.clients.producer.Callback}, {@link io.runnel.clients.producer.Partitioner}.
 */
package io.runnel.clients.producer;
