/**
 * The consumer client, with Apache Kafka's shapes ({@code org.apache.kafka.clients.consumer}):
 * {@link io.runnel.clients.consumer.Consumer}, {@link io.runnel.clients.consumer.RunnelConsumer},
 * {@link io.runnel.clients.consumer.ConsumerRecords}, {@link io.runnel.clients.consumer.ConsumerRebalanceListener},
 * {@link io.runnel.clients.consumer.ConsumerPartitionAssignor} and the built-in assignors (range, roundrobin, sticky,
 * cooperative-sticky).
 */
package io.runnel.clients.consumer;
