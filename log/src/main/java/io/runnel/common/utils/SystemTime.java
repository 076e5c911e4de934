package io.runnel.common.utils;

import io.runnel.common.errors.TimeoutException;

import java.util.function.Supplier;

/** {@link Time} backed by {@link System#currentTimeMillis()} and {@link System#nanoTime()}. Thread-safe. */
public final class SystemTime implements Time {

    SystemTime() {
    }

    @Override
    public long milliseconds() {
        return System.currentTimeMillis();
    }

    @Override
    public long nanoseconds() {
        return System.nanoTime();
    }

    @Override
    public void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void waitObject(Object lock, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
        synchronized (lock) {
            while (!condition.get()) {
                long now = milliseconds();
                if (now >= deadlineMs) {
                    throw new TimeoutException("Condition not satisfied before deadline");
                }
                lock.wait(deadlineMs - now);
            }
        }
    }
}
