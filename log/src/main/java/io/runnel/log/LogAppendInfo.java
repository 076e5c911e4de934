package io.runnel.log;

/**
 * The result of an append.
 *
 * @param firstOffset          the offset of the first record written (for a duplicate: of the original batch)
 * @param lastOffset           the offset of the last record written
 * @param maxTimestamp         the largest timestamp appended (the log append time for {@code LogAppendTime}), ms
 * @param offsetOfMaxTimestamp the last offset of the batch holding {@code maxTimestamp}
 * @param logAppendTime        the append time in ms for {@code LogAppendTime} topics, else -1
 * @param logStartOffset       the log start offset after the append
 * @param recordCount          the number of records written (0 for a duplicate)
 * @param validBytes           the number of bytes written (0 for a duplicate)
 * @param duplicate            true if the batch was a retry of one already written by the same idempotent
 *                             producer: nothing was written and the offsets are the original batch's
 */
public record LogAppendInfo(long firstOffset, long lastOffset, long maxTimestamp, long offsetOfMaxTimestamp,
                            long logAppendTime, long logStartOffset, int recordCount, int validBytes,
                            boolean duplicate) {
}
