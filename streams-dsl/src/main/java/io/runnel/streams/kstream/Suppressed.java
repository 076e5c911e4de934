package io.runnel.streams.kstream;

import io.runnel.streams.kstream.internals.suppress.BufferConfigInternal;
import io.runnel.streams.kstream.internals.suppress.SuppressedInternal;

import java.time.Duration;
import java.util.Map;

/**
 * How {@code KTable.suppress} holds back updates, as Kafka's {@code Suppressed}: either until a window closes (only
 * the final result of each window is emitted, once stream time passes the window's end plus its grace period) or
 * until a time limit has passed since a key's first buffered update (one update per key per limit). The buffer is a
 * store logged to a changelog, so nothing is lost on failure. Immutable.
 *
 * <p>Time is the stream time the suppression observes: the largest timestamp of the records it has received. It
 * advances only with new records, as in Kafka: a key whose time has come is emitted when a later record arrives,
 * not on the wall clock.
 *
 * @param <K> the key type
 */
public interface Suppressed<K> {

    /**
     * Bounds of the suppression buffer and what happens when they are reached, as Kafka's
     * {@code Suppressed.BufferConfig}.
     *
     * @param <BC> the config type
     */
    interface BufferConfig<BC extends BufferConfig<BC>> {

        /**
         * @param recordLimit the most records (keys) the buffer holds
         * @return a buffer that emits its oldest records early when full
         * @throws IllegalArgumentException if the limit is negative
         */
        static EagerBufferConfig maxRecords(long recordLimit) {
            return BufferConfigInternal.eager(recordLimit, Long.MAX_VALUE);
        }

        /**
         * @param byteLimit the most bytes (serialized keys and values) the buffer holds
         * @return a buffer that emits its oldest records early when full
         * @throws IllegalArgumentException if the limit is negative
         */
        static EagerBufferConfig maxBytes(long byteLimit) {
            return BufferConfigInternal.eager(Long.MAX_VALUE, byteLimit);
        }

        /** @return a buffer without bounds (it grows with the number of keys awaiting emission) */
        static StrictBufferConfig unbounded() {
            return BufferConfigInternal.strict(Long.MAX_VALUE, Long.MAX_VALUE);
        }

        /**
         * @param recordLimit the most records the buffer holds
         * @return a copy with the limit
         * @throws IllegalArgumentException if the limit is negative
         */
        BC withMaxRecords(long recordLimit);

        /**
         * @param byteLimit the most bytes the buffer holds
         * @return a copy with the limit
         * @throws IllegalArgumentException if the limit is negative
         */
        BC withMaxBytes(long byteLimit);

        /** @return a copy without bounds */
        StrictBufferConfig withNoBound();

        /**
         * @return a copy that stops the application (a {@code StreamsException} on the stream thread) rather than
         *         emit early when full, so results stay final
         */
        StrictBufferConfig shutDownWhenFull();

        /** @return a copy that emits the oldest records early when full (results may not be final) */
        EagerBufferConfig emitEarlyWhenFull();

        /** @return a copy whose buffer is not logged (lost on failure) */
        BC withLoggingDisabled();

        /**
         * @param config extra settings of the buffer's changelog topic
         * @return a copy whose buffer is logged (the default)
         */
        BC withLoggingEnabled(Map<String, String> config);
    }

    /** A buffer that never emits early: unbounded, or failing the application when full. */
    interface StrictBufferConfig extends BufferConfig<StrictBufferConfig> {
    }

    /** A buffer that emits its oldest records early when full. */
    interface EagerBufferConfig extends BufferConfig<EagerBufferConfig> {
    }

    /**
     * Emits only the final result of each window: nothing until stream time reaches the window's end plus the grace
     * period of the windowed aggregation upstream, then the last value. Only for windowed KTables.
     *
     * @param <K>          the windowed key type
     * @param bufferConfig a strict buffer (results must be final)
     * @return the suppression
     */
    static <K extends Windowed<?>> Suppressed<K> untilWindowCloses(StrictBufferConfig bufferConfig) {
        return SuppressedInternal.untilWindowCloses(bufferConfig);
    }

    /**
     * Emits a key's latest value once stream time has advanced {@code timeToWaitForMoreEvents} past the timestamp of
     * its first buffered update; updates in between replace the buffered value without restarting the wait.
     *
     * @param <K>                     the key type
     * @param timeToWaitForMoreEvents the wait, not negative
     * @param bufferConfig            the buffer
     * @return the suppression
     * @throws IllegalArgumentException if the wait is negative
     */
    static <K> Suppressed<K> untilTimeLimit(Duration timeToWaitForMoreEvents, BufferConfig<?> bufferConfig) {
        return SuppressedInternal.untilTimeLimit(timeToWaitForMoreEvents, bufferConfig);
    }

    /**
     * @param name the name of the suppression's processor; its store is {@code <name>-store}
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    Suppressed<K> withName(String name);
}
