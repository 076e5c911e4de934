package io.runnel.streams.kstream;

import java.time.Duration;

/**
 * The time bounds of a KStream-KStream join, as Kafka's {@code JoinWindows}: a record of this stream at {@code t}
 * joins the other stream's records with timestamps in {@code [t - before, t + after]} (both {@code timeDifference}
 * unless set apart). Records are accepted until stream time passes their window's end plus the grace period;
 * left and outer joins emit a record without a match only then, so they never emit a non-match that a later match
 * would contradict. Immutable.
 */
public final class JoinWindows {

    private final long beforeMs;
    private final long afterMs;
    private final long graceMs;

    private JoinWindows(long beforeMs, long afterMs, long graceMs) {
        if (beforeMs + afterMs < 0) {
            throw new IllegalArgumentException("Window interval (ie, beforeMs+afterMs) must not be negative, got"
                    + " before=" + beforeMs + " after=" + afterMs);
        }
        this.beforeMs = beforeMs;
        this.afterMs = afterMs;
        this.graceMs = graceMs;
    }

    /**
     * @param timeDifference the largest difference between the timestamps of joined records
     * @return join windows without grace
     * @throws IllegalArgumentException if the difference is negative
     */
    public static JoinWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
        long d = Windows.validMillis(timeDifference, "timeDifference");
        return new JoinWindows(d, d, 0L);
    }

    /**
     * @param timeDifference the largest difference between the timestamps of joined records
     * @param afterWindowEnd the grace period for out-of-order records
     * @return join windows with grace
     * @throws IllegalArgumentException if a duration is negative
     */
    public static JoinWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration afterWindowEnd) {
        long d = Windows.validMillis(timeDifference, "timeDifference");
        return new JoinWindows(d, d, Windows.validMillis(afterWindowEnd, "afterWindowEnd"));
    }

    /**
     * @param timeDifference how far back from a record of this stream the other stream's records may be (may be
     *                       negative if {@code after} covers it)
     * @return a copy with the bound
     * @throws IllegalArgumentException if before + after becomes negative
     */
    public JoinWindows before(Duration timeDifference) {
        return new JoinWindows(timeDifference.toMillis(), afterMs, graceMs);
    }

    /**
     * @param timeDifference how far ahead of a record of this stream the other stream's records may be (may be
     *                       negative if {@code before} covers it)
     * @return a copy with the bound
     * @throws IllegalArgumentException if before + after becomes negative
     */
    public JoinWindows after(Duration timeDifference) {
        return new JoinWindows(beforeMs, timeDifference.toMillis(), graceMs);
    }

    /** @return the bound before a record of this stream, in ms */
    public long beforeMs() {
        return beforeMs;
    }

    /** @return the bound after a record of this stream, in ms */
    public long afterMs() {
        return afterMs;
    }

    /** @return {@code before + after} in ms */
    public long size() {
        return beforeMs + afterMs;
    }

    /** @return the grace period in ms */
    public long gracePeriodMs() {
        return graceMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinWindows j && j.beforeMs == beforeMs && j.afterMs == afterMs && j.graceMs == graceMs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(beforeMs) * 31 * 31 + Long.hashCode(afterMs) * 31 + Long.hashCode(graceMs);
    }

    @Override
    public String toString() {
        return "JoinWindows{beforeMs=" + beforeMs + ", afterMs=" + afterMs + ", graceMs=" + graceMs + '}';
    }
}
