package io.runnel.streams.kstream.internals.suppress;

import io.runnel.streams.kstream.Suppressed.BufferConfig;
import io.runnel.streams.kstream.Suppressed.EagerBufferConfig;
import io.runnel.streams.kstream.Suppressed.StrictBufferConfig;

import java.util.Map;
import java.util.Objects;

/**
 * The two buffer configurations behind {@link BufferConfig}: bounds in records and bytes, what to do when full,
 * and the buffer's change logging. Immutable.
 *
 * @param <BC> the public config type
 */
public abstract sealed class BufferConfigInternal<BC extends BufferConfig<BC>> implements BufferConfig<BC>
        permits BufferConfigInternal.Strict, BufferConfigInternal.Eager {

    /** What the buffer does when a put would exceed a bound. */
    public enum FullPolicy {
        /** Emit the oldest records early. */
        EMIT_EARLY,
        /** Fail the stream thread. */
        SHUT_DOWN
    }

    final long maxRecords;
    final long maxBytes;
    final boolean loggingEnabled;
    final Map<String, String> logConfig;

    BufferConfigInternal(long maxRecords, long maxBytes, boolean loggingEnabled, Map<String, String> logConfig) {
        if (maxRecords < 0) {
            throw new IllegalArgumentException("The buffer's record limit must not be negative, got " + maxRecords);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The buffer's byte limit must not be negative, got " + maxBytes);
        }
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.loggingEnabled = loggingEnabled;
        this.logConfig = Map.copyOf(logConfig);
    }

    /**
     * @param maxRecords record bound
     * @param maxBytes   byte bound
     * @return an eager config
     */
    public static EagerBufferConfig eager(long maxRecords, long maxBytes) {
        return new Eager(maxRecords, maxBytes, true, Map.of());
    }

    /**
     * @param maxRecords record bound
     * @param maxBytes   byte bound
     * @return a strict config (shut down when full)
     */
    public static StrictBufferConfig strict(long maxRecords, long maxBytes) {
        return new Strict(maxRecords, maxBytes, true, Map.of());
    }

    /** @return the record bound ({@code Long.MAX_VALUE}: none) */
    public long maxRecords() {
        return maxRecords;
    }

    /** @return the byte bound ({@code Long.MAX_VALUE}: none) */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return true if the buffer is logged */
    public boolean loggingEnabled() {
        return loggingEnabled;
    }

    /** @return extra changelog settings */
    public Map<String, String> logConfig() {
        return logConfig;
    }

    /** @return what happens when full */
    public abstract FullPolicy fullPolicy();

    @Override
    public StrictBufferConfig withNoBound() {
        return new Strict(Long.MAX_VALUE, Long.MAX_VALUE, loggingEnabled, logConfig);
    }

    @Override
    public StrictBufferConfig shutDownWhenFull() {
        return new Strict(maxRecords, maxBytes, loggingEnabled, logConfig);
    }

    @Override
    public EagerBufferConfig emitEarlyWhenFull() {
        return new Eager(maxRecords, maxBytes, loggingEnabled, logConfig);
    }

    /** A buffer that fails the thread when full. */
    static final class Strict extends BufferConfigInternal<StrictBufferConfig> implements StrictBufferConfig {
        Strict(long maxRecords, long maxBytes, boolean loggingEnabled, Map<String, String> logConfig) {
            super(maxRecords, maxBytes, loggingEnabled, logConfig);
        }

        @Override
        public FullPolicy fullPolicy() {
            return FullPolicy.SHUT_DOWN;
        }

        @Override
        public StrictBufferConfig withMaxRecords(long recordLimit) {
            return new Strict(recordLimit, maxBytes, loggingEnabled, logConfig);
        }

        @Override
        public StrictBufferConfig withMaxBytes(long byteLimit) {
            return new Strict(maxRecords, byteLimit, loggingEnabled, logConfig);
        }

        @Override
        public StrictBufferConfig withLoggingDisabled() {
            return new Strict(maxRecords, maxBytes, false, Map.of());
        }

        @Override
        public StrictBufferConfig withLoggingEnabled(Map<String, String> config) {
            return new Strict(maxRecords, maxBytes, true, Objects.requireNonNull(config, "config can't be null"));
        }
    }

    /** A buffer that emits early when full. */
    static final class Eager extends BufferConfigInternal<EagerBufferConfig> implements EagerBufferConfig {
        Eager(long maxRecords, long maxBytes, boolean loggingEnabled, Map<String, String> logConfig) {
            super(maxRecords, maxBytes, loggingEnabled, logConfig);
        }

        @Override
        public FullPolicy fullPolicy() {
            return FullPolicy.EMIT_EARLY;
        }

        @Override
        public EagerBufferConfig withMaxRecords(long recordLimit) {
            return new Eager(recordLimit, maxBytes, loggingEnabled, logConfig);
        }

        @Override
        public EagerBufferConfig withMaxBytes(long byteLimit) {
            return new Eager(maxRecords, byteLimit, loggingEnabled, logConfig);
        }

        @Override
        public EagerBufferConfig withLoggingDisabled() {
            return new Eager(maxRecords, maxBytes, false, Map.of());
        }

        @Override
        public EagerBufferConfig withLoggingEnabled(Map<String, String> config) {
            return new Eager(maxRecords, maxBytes, true, Objects.requireNonNull(config, "config can't be null"));
        }
    }
}
