package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Window;

/**
 * A time window {@code [start, end)}: tumbling, hopping and sliding windows. Immutable.
 */
public class TimeWindow extends Window {

    /**
     * @param startMs start in ms (inclusive)
     * @param endMs   end in ms (exclusive), greater than {@code startMs}
     * @throws IllegalArgumentException if {@code endMs <= startMs} or {@code startMs < 0}
     */
    public TimeWindow(long startMs, long endMs) {
        super(startMs, endMs);
        if (startMs == endMs) {
            throw new IllegalArgumentException("Window endMs must be greater than window startMs for a time window,"
                    + " got " + startMs + " for both");
        }
    }

    /**
     * The time window of a given size starting at {@code startMs}; an end past {@code Long.MAX_VALUE} is clamped,
     * as Kafka does.
     *
     * @param startMs    start in ms
     * @param windowSize size in ms, positive
     * @return the window
     */
    public static TimeWindow forSize(long startMs, long windowSize) {
        long end = startMs + windowSize;
        return new TimeWindow(startMs, end < 0 ? Long.MAX_VALUE : end);
    }

    /**
     * @throws IllegalArgumentException if {@code other} is not a time window
     */
    @Override
    public boolean overlap(Window other) {
        if (!(other instanceof TimeWindow)) {
            throw new IllegalArgumentException("Cannot compare windows of different type: TimeWindow and "
                    + other.getClass().getSimpleName());
        }
        return startMs < other.end() && other.start() < endMs;
    }
}
