/**
 * Types shared by every layer: {@link io.runnel.common.TopicPartition}, {@link io.runnel.common.Uuid} and the
 * root exception {@link io.runnel.common.RunnelException}. Sub-packages hold errors, record headers,
 * serialization, configuration and time.
 *
 * <p>Package names mirror Apache Kafka's ({@code org.apache.kafka.common} becomes {@code io.runnel.common}), so
 * code written against Kafka's clients moves to Runnel by changing imports.
 */
package io.runnel.common;
