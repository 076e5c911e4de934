package io.runnel.streams.kstream;

import java.time.Instant;

/**
 * A time interval a windowed aggregate covers, as Kafka's {@code Window}: a start and an end in ms since the epoch.
 * Whether the end is inclusive depends on the kind: time windows are {@code [start, end)}, session windows
 * {@code [start, end]}. Immutable.
 */
public abstract class Window {

    /** Start in ms. */
    protected final long startMs;
    /** End in ms. */
    protected final long endMs;

    /**
     * @param startMs start in ms, at least 0
     * @param endMs   end in ms, at least {@code startMs}
     * @throws IllegalArgumentException if {@code startMs < 0} or {@code endMs < startMs}
     */
    protected Window(long startMs, long endMs) {
        if (startMs < 0) {
            throw new IllegalArgumentException("Window startMs time cannot be negative, got " + startMs);
        }
        if (endMs < startMs) {
            throw new IllegalArgumentException("Window endMs time (" + endMs
                    + ") cannot be smaller than window startMs time (" + startMs + ")");
        }
        this.startMs = startMs;
        this.endMs = endMs;
    }

    /** @return the start in ms */
    public long start() {
        return startMs;
    }

    /** @return the end in ms */
    public long end() {
        return endMs;
    }

    /** @return the start as an instant */
    public Instant startTime() {
        return Instant.ofEpochMilli(startMs);
    }

    /** @return the end as an instant */
    public Instant endTime() {
        return Instant.ofEpochMilli(endMs);
    }

    /**
     * @param other another window of the same kind
     * @return true if the two intervals share at least one instant
     */
    public abstract boolean overlap(Window other);

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Window) o).startMs == startMs
                && ((Window) o).endMs == endMs;
    }

    @Override
    public int hashCode() {
        return (int) (((startMs << 16) ^ endMs) % 0xFFFFFFFFL);
    }

    @Override
    public String toString() {
        return "Window{startMs=" + startMs + ", endMs=" + endMs + '}';
    }
}
