package io.runnel.streams.kstream;

import java.time.Duration;

/**
 * Sliding windows, as Kafka's {@code SlidingWindows}: windows of a fixed time difference {@code d} defined by the
 * records themselves. Every record at {@code t} closes a window {@code [t - d, t]} (both ends inclusive), and a
 * window {@code [t + 1, t + 1 + d]} exists when records follow within {@code d}; a window's aggregate covers every
 * record in it. Records before {@code d} since the epoch fall into {@code [0, d]}. Used by
 * {@code KGroupedStream.windowedBy}; the result is keyed by {@code Windowed<K>} whose window is a
 * {@code TimeWindow} {@code [start, start + d]} (end inclusive here). Immutable.
 */
public final class SlidingWindows {

    private final long timeDifferenceMs;
    private final long graceMs;

    private SlidingWindows(long timeDifferenceMs, long graceMs) {
        if (timeDifferenceMs <= 0) {
            throw new IllegalArgumentException("The time difference of sliding windows must be positive, got "
                    + timeDifferenceMs + " ms");
        }
        this.timeDifferenceMs = timeDifferenceMs;
        this.graceMs = graceMs;
    }

    /**
     * @param timeDifference the largest difference between the timestamps of two records in one window, positive
     * @return sliding windows without grace
     * @throws IllegalArgumentException if the difference is not positive
     */
    public static SlidingWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
        return new SlidingWindows(Windows.validMillis(timeDifference, "timeDifference"), 0L);
    }

    /**
     * @param timeDifference the largest difference between the timestamps of two records in one window, positive
     * @param afterWindowEnd the grace period after a window's end
     * @return sliding windows with a grace period
     * @throws IllegalArgumentException if the difference is not positive or the grace is negative
     */
    public static SlidingWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration afterWindowEnd) {
        return new SlidingWindows(Windows.validMillis(timeDifference, "timeDifference"),
                Windows.validMillis(afterWindowEnd, "afterWindowEnd"));
    }

    /** @return the time difference (window size) in ms */
    public long timeDifferenceMs() {
        return timeDifferenceMs;
    }

    /** @return the grace period in ms */
    public long gracePeriodMs() {
        return graceMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlidingWindows s && s.timeDifferenceMs == timeDifferenceMs && s.graceMs == graceMs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timeDifferenceMs) * 31 + Long.hashCode(graceMs);
    }

    @Override
    public String toString() {
        return "SlidingWindows{timeDifferenceMs=" + timeDifferenceMs + ", graceMs=" + graceMs + '}';
    }
}
