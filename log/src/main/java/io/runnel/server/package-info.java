/**
 * The embedded log as a client target: {@link io.runnel.server.EmbeddedLog} (one per directory per JVM,
 * reference-counted), its broker settings ({@link io.runnel.server.BrokerConfig}) and the request handler that
 * serves Kafka-shaped requests against the storage engine and the group coordinator
 * ({@link io.runnel.server.RequestHandler}).
 */
package io.runnel.server;
