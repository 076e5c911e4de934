package io.runnel.common.utils;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The clock every time-based mechanism reads: segment rolls, retention and compaction checks, timeouts,
 * heartbeats, commit intervals and wall-clock punctuations. Production code uses {@link #SYSTEM}; tests inject
 * {@link MockTime} and advance it, so no test sleeps.
 *
 * <p>Implementations are thread-safe.
 */
public interface Time {

    /** The system clock. */
    Time SYSTEM = new SystemTime();

    /** @return wall-clock time in ms since the epoch */
    long milliseconds();

    /** @return a monotonic time in ns, for measuring intervals only */
    long nanoseconds();

    /** @return a monotonic time in ms, for measuring intervals only */
    default long hiResClockMs() {
        return nanoseconds() / 1_000_000L;
    }

    /**
     * Sleeps (the system clock) or advances the clock (a mock).
     *
     * @param ms how long, in ms
     */
    void sleep(long ms);

    /**
     * Waits on {@code lock} until {@code condition} holds or {@code deadlineMs} (by {@link #milliseconds()})
     * passes. The caller must hold {@code lock}'s monitor; whoever makes the condition true must
     * {@code notifyAll()} on it. A mock clock wakes waiters when it is advanced.
     *
     * @param lock       the monitor to wait on
     * @param condition  checked before each wait
     * @param deadlineMs wall-clock deadline in ms
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws io.runnel.common.errors.TimeoutException if the deadline passes first
     */
    void waitObject(Object lock, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException;

    /**
     * @param timeout a duration
     * @return a {@link Timer} for it, started now
     */
    default Timer timer(Duration timeout) {
        return new Timer(this, timeout.toMillis());
    }

    /**
     * @param timeoutMs a duration in ms
     * @return a {@link Timer} for it, started now
     */
    default Timer timer(long timeoutMs) {
        return new Timer(this, timeoutMs);
    }
}
