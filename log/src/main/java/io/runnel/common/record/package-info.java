/**
 * Apache Kafka's RecordBatch v2 (magic 2), byte for byte: flyweight readers ({@link io.runnel.common.record.RecordBatch},
 * {@link io.runnel.common.record.Record}), the batch builder ({@link io.runnel.common.record.MemoryRecordsBuilder}),
 * and record containers in memory ({@link io.runnel.common.record.MemoryRecords}) and in files
 * ({@link io.runnel.common.record.FileRecords}). The bytes are the bytes on disk and on the wire.
 */
package io.runnel.common.record;
