/**
 * The consumer client, with Apache Kafka's shapes ({@code org.apache.kafka.clients.consumer}).
 */
package io.runnel.clients.consumer;
