package io.runnel.streams.kstream;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Fixed-size windows a record's timestamp falls into (tumbling and hopping {@link TimeWindows}), as Kafka's
 * {@code Windows}. Every window accepts records until stream time reaches its end plus the grace period; later
 * records for it are dropped and counted.
 *
 * @param <W> the window type
 */
public abstract class Windows<W extends Window> {

    /** Creates windows; subclasses validate their parameters. */
    protected Windows() {
    }

    /**
     * @param timestamp a record's timestamp in ms, not negative
     * @return the windows containing it, by start time (ms)
     */
    public abstract Map<Long, W> windowsFor(long timestamp);

    /** @return the size of every window in ms */
    public abstract long size();

    /** @return how long (ms) after a window's end records are still accepted for it */
    public abstract long gracePeriodMs();

    /**
     * @param d    a duration
     * @param what its name, for the message
     * @return the duration in ms
     * @throws IllegalArgumentException if it is negative
     */
    static long validMillis(Duration d, String what) {
        Objects.requireNonNull(d, what + " can't be null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
        return d.toMillis();
    }
}
