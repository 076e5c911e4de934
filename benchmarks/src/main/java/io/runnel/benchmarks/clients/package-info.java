/**
 * JMH benchmarks of the clients on the embedded log: producer throughput, consumer throughput and end-to-end
 * latency producer to consumer.
 */
package io.runnel.benchmarks.clients;
