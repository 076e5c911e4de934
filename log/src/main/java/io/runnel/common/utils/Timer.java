package io.runnel.common.utils;

/**
 * A deadline: a start time and a timeout read from a {@link Time}. Used by blocking client calls to share one
 * budget across several waits. Not thread-safe.
 */
public final class Timer {

    private final Time time;
    private final long startMs;
    private final long deadlineMs;
    private long currentTimeMs;

    Timer(Time time, long timeoutMs) {
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("Invalid negative timeout " + timeoutMs + " ms");
        }
        this.time = time;
        this.startMs = time.milliseconds();
        this.currentTimeMs = startMs;
        long deadline = startMs + timeoutMs;
        this.deadlineMs = deadline < 0 ? Long.MAX_VALUE : deadline;
    }

    /** Re-reads the clock. */
    public void update() {
        currentTimeMs = Math.max(currentTimeMs, time.milliseconds());
    }

    /** @return true when the deadline has passed (as of the last {@link #update()}) */
    public boolean isExpired() {
        return currentTimeMs >= deadlineMs;
    }

    /** @return true while time remains */
    public boolean notExpired() {
        return !isExpired();
    }

    /** @return the ms left until the deadline, 0 when expired */
    public long remainingMs() {
        return Math.max(0, deadlineMs - currentTimeMs);
    }

    /** @return the ms since the timer started */
    public long elapsedMs() {
        return currentTimeMs - startMs;
    }

    /** @return the deadline, in ms since the epoch */
    public long deadlineMs() {
        return deadlineMs;
    }

    /** @return the time of the last {@link #update()}, in ms since the epoch */
    public long currentTimeMs() {
        return currentTimeMs;
    }
}
