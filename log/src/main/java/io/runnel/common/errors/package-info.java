/**
 * Exceptions shared by the log, the clients and the runtimes, named as Apache Kafka names them
 * ({@code org.apache.kafka.common.errors}). {@link io.runnel.common.errors.RetriableException} marks the ones
 * that may succeed if retried.
 */
package io.runnel.common.errors;
