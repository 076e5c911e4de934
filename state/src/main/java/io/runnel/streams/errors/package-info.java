/**
 * Exceptions of the Streams layer, with Kafka's names ({@code org.apache.kafka.streams.errors}). The state module
 * defines those that stores throw; the runtime adds its own here.
 */
package io.runnel.streams.errors;
