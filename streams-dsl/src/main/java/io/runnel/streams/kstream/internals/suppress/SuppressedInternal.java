package io.runnel.streams.kstream.internals.suppress;

import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Suppressed;
import io.runnel.streams.kstream.Windowed;

import java.time.Duration;
import java.util.Objects;

/**
 * The suppression settings behind {@link Suppressed}: final results of windows, or a time limit per key. Immutable.
 *
 * @param <K> the key type
 */
public final class SuppressedInternal<K> implements Suppressed<K> {

    private final String name;
    private final boolean finalResultsOnly;
    private final long timeLimitMs;
    private final BufferConfigInternal<?> bufferConfig;

    private SuppressedInternal(String name, boolean finalResultsOnly, long timeLimitMs,
                               BufferConfigInternal<?> bufferConfig) {
        this.name = name;
        this.finalResultsOnly = finalResultsOnly;
        this.timeLimitMs = timeLimitMs;
        this.bufferConfig = bufferConfig;
    }

    /**
     * @param <K>          the windowed key type
     * @param bufferConfig a strict buffer
     * @return final-results suppression
     */
    public static <K extends Windowed<?>> Suppressed<K> untilWindowCloses(StrictBufferConfig bufferConfig) {
        return new SuppressedInternal<>(null, true, 0L, internal(bufferConfig));
    }

    /**
     * @param <K>          the key type
     * @param timeLimit    the wait, not negative
     * @param bufferConfig the buffer
     * @return time-limit suppression
     * @throws IllegalArgumentException if the wait is negative
     */
    public static <K> Suppressed<K> untilTimeLimit(Duration timeLimit, BufferConfig<?> bufferConfig) {
        Objects.requireNonNull(timeLimit, "timeToWaitForMoreEvents can't be null");
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("timeToWaitForMoreEvents must not be negative, got " + timeLimit);
        }
        return new SuppressedInternal<>(null, false, timeLimit.toMillis(), internal(bufferConfig));
    }

    private static BufferConfigInternal<?> internal(BufferConfig<?> config) {
        Objects.requireNonNull(config, "bufferConfig can't be null");
        if (!(config instanceof BufferConfigInternal<?> internal)) {
            throw new IllegalArgumentException("Buffer configs must come from Suppressed.BufferConfig's factory"
                    + " methods, got " + config.getClass().getName());
        }
        return internal;
    }

    @Override
    public Suppressed<K> withName(String name) {
        Named.as(name); // validates
        return new SuppressedInternal<>(name, finalResultsOnly, timeLimitMs, bufferConfig);
    }

    /** @return the name, or null */
    public String name() {
        return name;
    }

    /** @return true for final results of windows; false for a time limit */
    public boolean finalResultsOnly() {
        return finalResultsOnly;
    }

    /** @return the time limit in ms (0 for final results: the wait is the window's grace period) */
    public long timeLimitMs() {
        return timeLimitMs;
    }

    /** @return the buffer settings */
    public BufferConfigInternal<?> bufferConfig() {
        return bufferConfig;
    }
}
