/**
 * JMH benchmarks of the storage engine (log layer): append and read throughput of one partition.
 */
package io.runnel.benchmarks.log;
