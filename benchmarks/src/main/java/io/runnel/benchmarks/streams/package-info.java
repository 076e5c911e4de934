/**
 * JMH benchmarks of the Streams runtime on the embedded log: records/s of a stateless topology and of a stateful
 * count per key (RocksDB, caching on and off), on one and two stream threads, and the changelog restoration rate of
 * a whole application instance.
 */
package io.runnel.benchmarks.streams;
