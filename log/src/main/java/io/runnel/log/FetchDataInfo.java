package io.runnel.log;

import io.runnel.common.record.Records;

/**
 * The result of {@link PartitionLog#read}: whole batches starting with the one that holds the fetch offset,
 * plus the partition's offsets at the time of the read.
 *
 * <p>{@code records} is a {@link io.runnel.common.record.FileRecords} slice (send it with
 * {@code writeTo}, zero-copy, or iterate {@code batches()}/{@code records()}) or an empty
 * {@link io.runnel.common.record.MemoryRecords}. The first batch may start below the fetch offset: skip records
 * with a lower offset, as Kafka consumers do.
 *
 * @param fetchOffset    the offset asked for
 * @param records        the batches, never null (empty when the fetch offset is the log end offset)
 * @param highWatermark  the high watermark (equal to the log end offset on one node)
 * @param logStartOffset the log start offset
 * @param logEndOffset   the log end offset
 */
public record FetchDataInfo(long fetchOffset, Records records, long highWatermark, long logStartOffset,
                            long logEndOffset) {
}
