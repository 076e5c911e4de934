package io.runnel.clients.consumer.internals;

import io.runnel.common.requests.ListOffsetsRequest;

import java.time.Duration;

/**
 * {@code auto.offset.reset}: where a partition without a valid position starts (Kafka's
 * {@code AutoOffsetResetStrategy}).
 *
 * @param type     earliest, latest, none or by_duration
 * @param duration for by_duration: how far back from now
 */
public record AutoOffsetResetStrategy(Type type, Duration duration) {

    /** The kinds of strategy. */
    public enum Type {
        /** The log start offset. */
        EARLIEST,
        /** The log end offset. */
        LATEST,
        /** Fail. */
        NONE,
        /** The first offset at or after now minus a duration (latest if none). */
        BY_DURATION
    }

    /** The earliest strategy. */
    public static final AutoOffsetResetStrategy EARLIEST = new AutoOffsetResetStrategy(Type.EARLIEST, null);
    /** The latest strategy. */
    public static final AutoOffsetResetStrategy LATEST = new AutoOffsetResetStrategy(Type.LATEST, null);
    /** The none strategy. */
    public static final AutoOffsetResetStrategy NONE = new AutoOffsetResetStrategy(Type.NONE, null);

    /**
     * @param value the configured value (validated by the consumer config)
     * @return the strategy
     */
    public static AutoOffsetResetStrategy fromString(String value) {
        return switch (value) {
            case "earliest" -> EARLIEST;
            case "latest" -> LATEST;
            case "none" -> NONE;
            default -> new AutoOffsetResetStrategy(Type.BY_DURATION, Duration.parse(value.substring("by_duration:".length())));
        };
    }

    /**
     * @param nowMs the time
     * @return the ListOffsets timestamp that finds this strategy's offset
     */
    public long timestamp(long nowMs) {
        return switch (type) {
            case EARLIEST -> ListOffsetsRequest.EARLIEST_TIMESTAMP;
            case LATEST, NONE -> ListOffsetsRequest.LATEST_TIMESTAMP;
            case BY_DURATION -> Math.max(0, nowMs - duration.toMillis());
        };
    }
}
