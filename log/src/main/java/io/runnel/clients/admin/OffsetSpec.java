package io.runnel.clients.admin;

/**
 * Which offset {@link Admin#listOffsets} looks up (Kafka's {@code OffsetSpec}).
 */
public class OffsetSpec {

    OffsetSpec() {
    }

    /** The log start offset. */
    public static final class EarliestSpec extends OffsetSpec {
        EarliestSpec() {
        }
    }

    /** The log end offset. */
    public static final class LatestSpec extends OffsetSpec {
        LatestSpec() {
        }
    }

    /** The record with the largest timestamp. */
    public static final class MaxTimestampSpec extends OffsetSpec {
        MaxTimestampSpec() {
        }
    }

    /** The first record at or after a time. */
    public static final class TimestampSpec extends OffsetSpec {
        private final long timestamp;

        TimestampSpec(long timestamp) {
            this.timestamp = timestamp;
        }

        /** @return the time in ms */
        public long timestamp() {
            return timestamp;
        }
    }

    /** @return the log start offset spec */
    public static OffsetSpec earliest() {
        return new EarliestSpec();
    }

    /** @return the log end offset spec */
    public static OffsetSpec latest() {
        return new LatestSpec();
    }

    /** @return the largest timestamp spec */
    public static OffsetSpec maxTimestamp() {
        return new MaxTimestampSpec();
    }

    /**
     * @param timestamp a time in ms, {@code >= 0}
     * @return the spec of the first record at or after it
     */
    public static OffsetSpec forTimestamp(long timestamp) {
        return new TimestampSpec(timestamp);
    }
}
