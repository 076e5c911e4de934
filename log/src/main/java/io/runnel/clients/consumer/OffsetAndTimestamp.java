package io.runnel.clients.consumer;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@code offsetsForTimes}: the first offset whose timestamp is at least the one asked for, and that
 * record's timestamp (Kafka's {@code OffsetAndTimestamp}). Immutable.
 */
public final class OffsetAndTimestamp {

    private final long offset;
    private final long timestamp;
    private final Optional<Integer> leaderEpoch;

    /**
     * @param offset    the offset, {@code >= 0}
     * @param timestamp the record's timestamp in ms, {@code >= 0}
     */
    public OffsetAndTimestamp(long offset, long timestamp) {
        this(offset, timestamp, Optional.empty());
    }

    /**
     * @param offset      the offset
     * @param timestamp   the timestamp in ms
     * @param leaderEpoch the leader epoch, if known
     * @throws IllegalArgumentException for a negative offset or timestamp
     */
    public OffsetAndTimestamp(long offset, long timestamp, Optional<Integer> leaderEpoch) {
        if (offset < 0) {
            throw new IllegalArgumentException("Invalid negative offset " + offset);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("Invalid negative timestamp " + timestamp);
        }
        this.offset = offset;
        this.timestamp = timestamp;
        this.leaderEpoch = leaderEpoch;
    }

    /** @return the offset */
    public long offset() {
        return offset;
    }

    /** @return the timestamp in ms */
    public long timestamp() {
        return timestamp;
    }

    /** @return the leader epoch, if known */
    public Optional<Integer> leaderEpoch() {
        return leaderEpoch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetAndTimestamp t && offset == t.offset && timestamp == t.timestamp
                && leaderEpoch.equals(t.leaderEpoch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, timestamp, leaderEpoch);
    }

    @Override
    public String toString() {
        return "(timestamp=" + timestamp + ", leaderEpoch=" + leaderEpoch.orElse(null) + ", offset=" + offset + ")";
    }
}
