/**
 * The admin client, with Apache Kafka's shapes ({@code org.apache.kafka.clients.admin}): {@link
 * io.runnel.clients.admin.Admin} and its result classes holding {@link io.runnel.common.RunnelFuture}s.
 */
package io.runnel.clients.admin;
