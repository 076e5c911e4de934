/**
 * JMH benchmarks of the state layer: key-value and window stores (RocksDB vs in-memory, caching on and off) and
 * restoration.
 */
package io.runnel.benchmarks.state;
