package io.runnel.common.utils;

import io.runnel.common.errors.TimeoutException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A {@link Time} that moves only when told to: {@link #sleep(long)} and {@link #advance(long)} move both
 * clocks forward at once. Part of the test kit: inject it wherever a component takes a {@code Time} and the
 * test controls every roll, timeout and punctuation without sleeping.
 *
 * <p>Thread-safe. Threads blocked in {@link #waitObject} are woken whenever the clock moves; listeners
 * registered with {@link #addListener(Runnable)} run (on the advancing thread) after each move.
 */
public final class MockTime implements Time {

    private final AtomicLong timeMs;
    private final AtomicLong highResTimeNs;
    private final long autoTickMs;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A clock starting at the current wall-clock time that never moves by itself. */
    public MockTime() {
        this(0);
    }

    /**
     * @param autoTickMs how far each {@link #milliseconds()} call advances the clock, in ms (0: never by itself)
     */
    public MockTime(long autoTickMs) {
        this(autoTickMs, System.currentTimeMillis(), System.nanoTime());
    }

    /**
     * @param autoTickMs    how far each {@link #milliseconds()} call advances the clock, in ms
     * @param currentTimeMs the starting wall-clock time, in ms since the epoch
     * @param currentHighResTimeNs the starting monotonic time, in ns
     */
    public MockTime(long autoTickMs, long currentTimeMs, long currentHighResTimeNs) {
        this.timeMs = new AtomicLong(currentTimeMs);
        this.highResTimeNs = new AtomicLong(currentHighResTimeNs);
        this.autoTickMs = autoTickMs;
    }

    /**
     * @param listener run after every move of the clock, on the thread that moved it
     */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public long milliseconds() {
        if (autoTickMs > 0) {
            advance(autoTickMs);
        }
        return timeMs.get();
    }

    @Override
    public long nanoseconds() {
        return highResTimeNs.get();
    }

    @Override
    public void sleep(long ms) {
        advance(ms);
    }

    /**
     * Moves both clocks forward.
     *
     * @param ms how far, in ms; must be {@code >= 0}
     * @throws IllegalArgumentException if {@code ms} is negative
     */
    public void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("MockTime cannot go backwards: " + ms + " ms");
        }
        timeMs.addAndGet(ms);
        highResTimeNs.addAndGet(ms * 1_000_000L);
        listeners.forEach(Runnable::run);
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Sets the wall-clock time, moving the monotonic clock by the same amount.
     *
     * @param newMs the new time in ms since the epoch; must not be earlier than now
     * @throws IllegalArgumentException if {@code newMs} is earlier than the current time
     */
    public void setCurrentTimeMs(long newMs) {
        long delta = newMs - timeMs.get();
        advance(delta);
    }

    @Override
    public void waitObject(Object lock, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
        // Wake up to re-check whenever the clock moves or the lock is notified.
        Runnable wake = () -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        };
        listeners.add(wake);
        try {
            synchronized (lock) {
                while (!condition.get()) {
                    if (milliseconds() >= deadlineMs) {
                        throw new TimeoutException("Condition not satisfied before deadline");
                    }
                    lock.wait(50);
                }
            }
        } finally {
            listeners.remove(wake);
        }
    }
}
