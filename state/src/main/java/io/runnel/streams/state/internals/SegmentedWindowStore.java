package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.kstream.internals.TimeWindow;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.RecordBatchingStateRestoreCallback;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/*
 * Design: one window store over time segments, two engines.
 *
 * Entries live in segments of `segmentInterval` ms of window start time (Kafka: max(retention / 2, 60 s)); each
 * segment is a sorted bytes map: a RocksDB instance (persistent store) or a skip-list map (in-memory store). The
 * store key is WindowKeySchema's binary-sortable (key, start, seqnum), so:
 *   - a single-key fetch is one range scan per segment, concatenated in time order: no over-read, no filter;
 *   - a key-range or all-keys fetch scans each segment's key range, filters by time, and k-way merges the segments
 *     so results are globally ordered by (key, start), identically for both engines and for the caching layer,
 *     which merges its own sorted entries over them.
 * Retention is by stream time (the largest window start seen, restored windows included): a put older than
 * retention is dropped, reads never return expired windows, and a segment is deleted once all of it is expired.
 * With retainDuplicates every put gets the next sequence number (after a restore, continuing from the largest one
 * restored, so restored duplicates are never overwritten).
 */
/**
 * A segmented window bytes store, persistent (RocksDB segments) or in memory. Used by one task thread.
 */
public class SegmentedWindowStore implements WindowStore<Bytes, byte[]>, WindowSeqnumAware {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SegmentedWindowStore.class);

    private final String name;
    private final long retentionPeriod;
    private final long windowSize;
    private final boolean retainDuplicates;
    private final long segmentInterval;
    private final boolean persistent;
    private final ValueFormat valueFormat;
    private final Function<StateStoreContext, Segment.Factory> factory;

    private Segments segments;
    private long observedStreamTime = Long.MIN_VALUE;
    private int seqnum;
    private volatile boolean open;

    /**
     * @param name             the store name
     * @param retentionPeriod  retention in ms
     * @param windowSize       window size in ms
     * @param retainDuplicates whether every put adds an entry
     * @param segmentInterval  segment size in ms
     * @param persistent       whether the segments are persistent
     * @param valueFormat      how restored changelog values become store values
     * @param factory          creates the segment factory from the task context
     */
    public SegmentedWindowStore(String name, long retentionPeriod, long windowSize, boolean retainDuplicates,
                                long segmentInterval, boolean persistent, ValueFormat valueFormat,
                                Function<StateStoreContext, Segment.Factory> factory) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
        this.windowSize = windowSize;
        this.retainDuplicates = retainDuplicates;
        this.segmentInterval = segmentInterval;
        this.persistent = persistent;
        this.valueFormat = valueFormat;
        this.factory = factory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        if (open) {
            throw new IllegalStateException("Store " + name + " is already initialised");
        }
        segments = new Segments(name, retentionPeriod, segmentInterval, factory.apply(context));
        segments.openExisting();
        open = true;
        context.register(root, (RecordBatchingStateRestoreCallback) this::restoreBatch);
    }

    private void restoreBatch(Collection<ChangelogRecord> records) {
        Map<Long, List<KeyValue<Bytes, byte[]>>> bySegment = new HashMap<>();
        for (ChangelogRecord r : records) {
            Bytes storeKey = WindowKeySchema.changelogToStoreKey(r.key());
            long ts = WindowKeySchema.extractTimestamp(storeKey.get());
            observedStreamTime = Math.max(observedStreamTime, ts);
            if (retainDuplicates) {
                seqnum = Math.max(seqnum, (WindowKeySchema.extractSeqnum(storeKey.get()) + 1) & 0x7FFFFFFF);
            }
            bySegment.computeIfAbsent(segments.segmentId(ts), id -> new ArrayList<>())
                    .add(KeyValue.pair(storeKey, valueFormat.fromChangelog(r.value(), r.timestamp())));
        }
        long minLive = segments.minLiveTimestamp(observedStreamTime);
        for (Map.Entry<Long, List<KeyValue<Bytes, byte[]>>> e : bySegment.entrySet()) {
            if ((e.getKey() + 1) * segmentInterval - 1 >= minLive) {
                segments.getOrCreate(e.getKey()).writeBatch(e.getValue());
            }
        }
        segments.cleanup(observedStreamTime);
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTimestamp) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        if (retainDuplicates && value == null) {
            return;
        }
        observedStreamTime = Math.max(observedStreamTime, windowStartTimestamp);
        if (windowStartTimestamp < segments.minLiveTimestamp(observedStreamTime)) {
            LOG.debug("Skipping expired window of store {} at {} (stream time {}, retention {} ms)", name,
                    windowStartTimestamp, observedStreamTime, retentionPeriod);
            return;
        }
        int seq = 0;
        if (retainDuplicates) {
            seq = seqnum;
            seqnum = (seqnum + 1) & 0x7FFFFFFF;
        }
        segments.getOrCreate(segments.segmentId(windowStartTimestamp))
                .put(WindowKeySchema.toStoreKey(key.get(), windowStartTimestamp, seq), value);
        segments.cleanup(observedStreamTime);
    }

    @Override
    public int lastSeqnum() {
        return retainDuplicates ? (seqnum - 1) & 0x7FFFFFFF : 0;
    }

    @Override
    public byte[] fetch(Bytes key, long time) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        if (time < segments.minLiveTimestamp(observedStreamTime)) {
            return null;
        }
        if (retainDuplicates) {
            try (WindowStoreIterator<byte[]> it = fetch(key, time, time)) {
                return it.hasNext() ? it.next().value : null;
            }
        }
        Segment segment = segments.get(segments.segmentId(time));
        return segment == null ? null : segment.get(WindowKeySchema.toStoreKey(key.get(), time, 0));
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, true);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, false);
    }

    private WindowStoreIterator<byte[]> fetchKey(Bytes key, long timeFrom, long timeTo, boolean forward) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        long from = Math.max(timeFrom, segments.minLiveTimestamp(observedStreamTime));
        List<Supplier<KeyValueIterator<Bytes, byte[]>>> parts = new ArrayList<>();
        Bytes lower = WindowKeySchema.toStoreKey(key.get(), from, 0);
        Bytes upper = WindowKeySchema.toStoreKey(key.get(), timeTo, -1);
        for (Segment segment : segments.segments(from, timeTo, forward)) {
            parts.add(() -> segment.range(lower, upper, forward));
        }
        return WindowStoreIterators.fromStoreKeys(Iterators.concat(parts));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                  long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return fetchRange(null, null, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return fetchRange(null, null, timeFrom, timeTo, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return fetchRange(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return fetchRange(null, null, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> fetchRange(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                long timeTo, boolean forward) {
        StoreGuards.ensureOpen(open, name);
        if (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
            return Iterators.empty();
        }
        return Iterators.map(storeKeyRange(keyFrom, keyTo, timeFrom, timeTo, forward),
                kv -> KeyValue.pair(toWindowed(kv.key), kv.value));
    }

    /**
     * @return entries keyed by store key in (key, start, seqnum) order (or reversed), within retention
     */
    KeyValueIterator<Bytes, byte[]> storeKeyRange(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo,
                                                  boolean forward) {
        long from = Math.max(timeFrom, segments.minLiveTimestamp(observedStreamTime));
        Bytes lower = WindowKeySchema.lowerBound(keyFrom, from);
        Bytes upper = WindowKeySchema.upperBound(keyTo, timeTo);
        List<KeyValueIterator<Bytes, byte[]>> parts = new ArrayList<>();
        for (Segment segment : segments.segments(from, timeTo, forward)) {
            parts.add(Iterators.filter(segment.range(lower, upper, forward), kv -> true, kv -> {
                long ts = WindowKeySchema.extractTimestamp(kv.key.get());
                return ts >= from && ts <= timeTo;
            }));
        }
        return parts.isEmpty() ? Iterators.empty() : Iterators.mergeSorted(parts, forward);
    }

    private Windowed<Bytes> toWindowed(Bytes storeKey) {
        return new Windowed<>(WindowKeySchema.extractKey(storeKey.get()),
                TimeWindow.forSize(WindowKeySchema.extractTimestamp(storeKey.get()), windowSize));
    }

    @Override
    public void flush() {
        StoreGuards.ensureOpen(open, name);
        segments.flush();
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            segments.close();
        }
    }

    @Override
    public boolean persistent() {
        return persistent;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** @return the number of live segments (for tests and monitoring) */
    int segmentCount() {
        return segments.count();
    }
}
