package io.runnel.streams.kstream;

import java.time.Duration;

/**
 * Session windows, as Kafka's {@code SessionWindows}: the records of a key closer than the inactivity gap to each
 * other form one session {@code [first timestamp, last timestamp]}; a record between two sessions merges them.
 * Used by {@code KGroupedStream.windowedBy}. A session accepts records until stream time passes its end plus the
 * grace period. Immutable.
 */
public final class SessionWindows {

    private final long gapMs;
    private final long graceMs;

    private SessionWindows(long gapMs, long graceMs) {
        if (gapMs <= 0) {
            throw new IllegalArgumentException("Gap time cannot be zero or negative, got " + gapMs + " ms");
        }
        this.gapMs = gapMs;
        this.graceMs = graceMs;
    }

    /**
     * @param inactivityGap the gap that ends a session, positive
     * @return session windows without grace
     * @throws IllegalArgumentException if the gap is not positive
     */
    public static SessionWindows ofInactivityGapWithNoGrace(Duration inactivityGap) {
        return new SessionWindows(Windows.validMillis(inactivityGap, "inactivityGap"), 0L);
    }

    /**
     * @param inactivityGap  the gap that ends a session, positive
     * @param afterWindowEnd the grace period after a session's end
     * @return session windows with a grace period
     * @throws IllegalArgumentException if the gap is not positive or the grace negative
     */
    public static SessionWindows ofInactivityGapAndGrace(Duration inactivityGap, Duration afterWindowEnd) {
        return new SessionWindows(Windows.validMillis(inactivityGap, "inactivityGap"),
                Windows.validMillis(afterWindowEnd, "afterWindowEnd"));
    }

    /** @return the inactivity gap in ms */
    public long inactivityGap() {
        return gapMs;
    }

    /** @return the grace period in ms */
    public long gracePeriodMs() {
        return graceMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionWindows s && s.gapMs == gapMs && s.graceMs == graceMs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(gapMs) * 31 + Long.hashCode(graceMs);
    }

    @Override
    public String toString() {
        return "SessionWindows{gapMs=" + gapMs + ", graceMs=" + graceMs + '}';
    }
}
