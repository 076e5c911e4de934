package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Window;

/**
 * A session window {@code [start, end]}, both ends inclusive (a session of one record has start == end).
 * Immutable.
 */
public final class SessionWindow extends Window {

    /**
     * @param startMs start in ms, inclusive
     * @param endMs   end in ms, inclusive, at least {@code startMs}
     */
    public SessionWindow(long startMs, long endMs) {
        super(startMs, endMs);
    }

    /**
     * @throws IllegalArgumentException if {@code other} is not a session window
     */
    @Override
    public boolean overlap(Window other) {
        if (!(other instanceof SessionWindow)) {
            throw new IllegalArgumentException("Cannot compare windows of different type: SessionWindow and "
                    + other.getClass().getSimpleName());
        }
        return !(startMs > other.end() || other.start() > endMs);
    }
}
