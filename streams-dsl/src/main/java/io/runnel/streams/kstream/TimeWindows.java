package io.runnel.streams.kstream;

import io.runnel.streams.kstream.internals.TimeWindow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tumbling (advance = size) and hopping (advance &lt; size) windows aligned to the epoch, as Kafka's
 * {@code TimeWindows}: a window is {@code [start, start + size)} with {@code start} a multiple of the advance, so a
 * record belongs to {@code size / advance} windows. Used by {@code KGroupedStream.windowedBy}. Immutable.
 *
 * <pre>{@code
 * TimeWindows hourly = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofHours(24));
 * }</pre>
 */
public final class TimeWindows extends Windows<TimeWindow> {

    private final long sizeMs;
    private final long advanceMs;
    private final long graceMs;

    private TimeWindows(long sizeMs, long advanceMs, long graceMs) {
        if (sizeMs <= 0) {
            throw new IllegalArgumentException("Window size (sizeMs) must be larger than zero, got " + sizeMs);
        }
        if (advanceMs <= 0 || advanceMs > sizeMs) {
            throw new IllegalArgumentException("Window advancement interval should be more than zero and less than"
                    + " or equal to window size (sizeMs=" + sizeMs + "), got " + advanceMs);
        }
        this.sizeMs = sizeMs;
        this.advanceMs = advanceMs;
        this.graceMs = graceMs;
    }

    /**
     * @param size the window size, positive
     * @return tumbling windows of this size without grace: a record later than its window's end is dropped
     * @throws IllegalArgumentException if the size is not positive
     */
    public static TimeWindows ofSizeWithNoGrace(Duration size) {
        return new TimeWindows(validMillis(size, "size"), validMillis(size, "size"), 0L);
    }

    /**
     * @param size        the window size, positive
     * @param afterWindowEnd the grace period: how long after a window's end out-of-order records are still added
     * @return tumbling windows with a grace period
     * @throws IllegalArgumentException if the size is not positive or the grace is negative
     */
    public static TimeWindows ofSizeAndGrace(Duration size, Duration afterWindowEnd) {
        return new TimeWindows(validMillis(size, "size"), validMillis(size, "size"),
                validMillis(afterWindowEnd, "afterWindowEnd"));
    }

    /**
     * @param advance the hop between window starts, positive and at most the size
     * @return hopping windows (same size and grace)
     * @throws IllegalArgumentException if the advance is not positive or larger than the size
     */
    public TimeWindows advanceBy(Duration advance) {
        return new TimeWindows(sizeMs, validMillis(advance, "advance"), graceMs);
    }

    @Override
    public Map<Long, TimeWindow> windowsFor(long timestamp) {
        long start = Math.max(0, timestamp - sizeMs + advanceMs);
        start -= start % advanceMs;
        Map<Long, TimeWindow> windows = new LinkedHashMap<>();
        for (long s = start; s <= timestamp; s += advanceMs) {
            windows.put(s, TimeWindow.forSize(s, sizeMs));
        }
        return windows;
    }

    @Override
    public long size() {
        return sizeMs;
    }

    /** @return the hop between window starts in ms (the size for tumbling windows) */
    public long advanceMs() {
        return advanceMs;
    }

    @Override
    public long gracePeriodMs() {
        return graceMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindows t && t.sizeMs == sizeMs && t.advanceMs == advanceMs && t.graceMs == graceMs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sizeMs) * 31 * 31 + Long.hashCode(advanceMs) * 31 + Long.hashCode(graceMs);
    }

    @Override
    public String toString() {
        return "TimeWindows{sizeMs=" + sizeMs + ", advanceMs=" + advanceMs + ", graceMs=" + graceMs + '}';
    }
}
