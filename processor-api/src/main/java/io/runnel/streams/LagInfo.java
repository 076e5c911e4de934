package io.runnel.streams;

/**
 * How far a position is behind the end of a partition, as Kafka's {@code LagInfo}.
 *
 * @param currentOffsetPosition the position reached (next offset to read or restore)
 * @param endOffsetPosition     the partition's end offset
 */
public record LagInfo(long currentOffsetPosition, long endOffsetPosition) {

    /** @return {@code max(0, end - current)} records */
    public long offsetLag() {
        return Math.max(0, endOffsetPosition - currentOffsetPosition);
    }
}
