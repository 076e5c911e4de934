package io.runnel.streams.kstream.internals;

/**
 * What a windowed KTable knows about its windows, for {@code suppress(untilWindowCloses(...))}: the window size
 * (for the windowed key serde) and how long after a window's end it closes (the grace period; for sessions the
 * inactivity gap plus the grace period, as Kafka computes it).
 *
 * @param sizeMs       the window size in ms (0 for sessions)
 * @param closeDelayMs time after a window's end at which it closes, in ms
 * @param session      true for session windows
 */
public record WindowInfo(long sizeMs, long closeDelayMs, boolean session) {
}
