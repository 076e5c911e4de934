/**
 * The storage engine's public API: {@link io.runnel.log.LogManager} (a log directory: topics, partitions,
 * background retention/compaction/flush), {@link io.runnel.log.PartitionLog} (append, read, offsets by
 * timestamp, truncation), {@link io.runnel.log.LogConfig} and {@link io.runnel.log.LogManagerConfig} (Kafka's
 * topic- and broker-level settings), and the injectable {@link io.runnel.log.Scheduler}.
 */
package io.runnel.log;
