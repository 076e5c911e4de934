package io.runnel.streams.state.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The time segments of one segmented store, by segment id ({@code floor(timestamp / segmentInterval)}). A segment
 * is created when the first entry for its time range arrives and destroyed (files deleted) once every timestamp it
 * may hold is older than the retention period relative to stream time. Used by one task thread.
 */
final class Segments {

    private final String storeName;
    private final long retentionPeriod;
    private final long segmentInterval;
    private final Segment.Factory factory;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();

    Segments(String storeName, long retentionPeriod, long segmentInterval, Segment.Factory factory) {
        this.storeName = storeName;
        this.retentionPeriod = retentionPeriod;
        this.segmentInterval = segmentInterval;
        this.factory = factory;
    }

    void openExisting() {
        for (long[] existing : factory.existing(storeName)) {
            long startMs = existing[0];
            long id = segmentId(startMs);
            segments.put(id, factory.open(storeName, id, startMs));
        }
    }

    long segmentId(long timestamp) {
        return Math.floorDiv(timestamp, segmentInterval);
    }

    /** @return the smallest timestamp still retained at the given stream time */
    long minLiveTimestamp(long streamTime) {
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime - retentionPeriod + 1;
    }

    Segment getOrCreate(long segmentId) {
        return segments.computeIfAbsent(segmentId, id -> factory.open(storeName, id, id * segmentInterval));
    }

    Segment get(long segmentId) {
        return segments.get(segmentId);
    }

    /**
     * @return the segments that may hold timestamps in {@code [timeFrom, timeTo]}, in time order or reversed
     */
    List<Segment> segments(long timeFrom, long timeTo, boolean forward) {
        if (timeFrom > timeTo) {
            return List.of();
        }
        NavigableMap<Long, Segment> view = segments.subMap(segmentId(timeFrom), true, segmentId(timeTo), true);
        return new ArrayList<>(forward ? view.values() : view.descendingMap().values());
    }

    List<Segment> all(boolean forward) {
        return new ArrayList<>(forward ? segments.values() : segments.descendingMap().values());
    }

    /** Destroys every segment whose whole time range is older than the retention period. */
    void cleanup(long streamTime) {
        long minLive = minLiveTimestamp(streamTime);
        while (!segments.isEmpty()) {
            Map.Entry<Long, Segment> first = segments.firstEntry();
            long lastTimestampOfSegment = (first.getKey() + 1) * segmentInterval - 1;
            if (lastTimestampOfSegment >= minLive) {
                return;
            }
            segments.pollFirstEntry().getValue().destroy();
        }
    }

    void flush() {
        for (Segment s : segments.values()) {
            s.flush();
        }
    }

    void close() {
        for (Segment s : segments.values()) {
            s.close();
        }
        segments.clear();
    }

    int count() {
        return segments.size();
    }
}
