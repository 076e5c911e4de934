/**
 * JMH benchmarks of the Streams runtime on the embedded log: records/s of a stateless topology and of a stateful
 * count per key (RocksDB, caching on and off), on one and two stream threads, and the changelog restoration rate of
 * a whole application instance. The {@code Dsl*} benchmarks measure DSL applications on the flights data: word
 * count, a windowed aggregation and a KStream-GlobalKTable join.
 */
package io.runnel.benchmarks.streams;
