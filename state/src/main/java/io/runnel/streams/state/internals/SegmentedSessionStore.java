package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.RecordBatchingStateRestoreCallback;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.SessionStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/*
 * Design: the session twin of SegmentedWindowStore. Sessions are segmented by session END time (a session that
 * grows moves forward, and retention counts from the end), keyed by SessionKeySchema's binary-sortable
 * (key, end, start). findSessions(key, earliestEnd, latestStart) scans, in every segment from earliestEnd on, the
 * key's range from (key, earliestEnd) and keeps sessions starting at or before latestStart; segments are k-way
 * merged so results are ordered by (key, end, start) for both engines.
 */
/**
 * A segmented session bytes store, persistent (RocksDB segments) or in memory. Used by one task thread.
 */
public class SegmentedSessionStore implements SessionStore<Bytes, byte[]> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SegmentedSessionStore.class);

    private final String name;
    private final long retentionPeriod;
    private final long segmentInterval;
    private final boolean persistent;
    private final Function<StateStoreContext, Segment.Factory> factory;

    private Segments segments;
    private long observedStreamTime = Long.MIN_VALUE;
    private volatile boolean open;

    /**
     * @param name            the store name
     * @param retentionPeriod retention in ms, counted from session end
     * @param segmentInterval segment size in ms
     * @param persistent      whether the segments are persistent
     * @param factory         creates the segment factory from the task context
     */
    public SegmentedSessionStore(String name, long retentionPeriod, long segmentInterval, boolean persistent,
                                 Function<StateStoreContext, Segment.Factory> factory) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
        this.segmentInterval = segmentInterval;
        this.persistent = persistent;
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
            Bytes storeKey = SessionKeySchema.changelogToStoreKey(r.key());
            long end = SessionKeySchema.extractEnd(storeKey.get());
            observedStreamTime = Math.max(observedStreamTime, end);
            bySegment.computeIfAbsent(segments.segmentId(end), id -> new ArrayList<>())
                    .add(KeyValue.pair(storeKey, r.value()));
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
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(sessionKey, name);
        StoreGuards.requireKey(sessionKey.key(), name);
        long end = sessionKey.window().end();
        observedStreamTime = Math.max(observedStreamTime, end);
        if (end < segments.minLiveTimestamp(observedStreamTime)) {
            LOG.debug("Skipping expired session {} of store {} (stream time {}, retention {} ms)", sessionKey, name,
                    observedStreamTime, retentionPeriod);
            return;
        }
        Bytes storeKey = SessionKeySchema.toStoreKey(sessionKey.key().get(), sessionKey.window().start(), end);
        if (aggregate == null) {
            Segment segment = segments.get(segments.segmentId(end));
            if (segment != null) {
                segment.put(storeKey, null);
            }
        } else {
            segments.getOrCreate(segments.segmentId(end)).put(storeKey, aggregate);
        }
        segments.cleanup(observedStreamTime);
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        put(sessionKey, null);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStart, long sessionEnd) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        if (sessionEnd < segments.minLiveTimestamp(observedStreamTime)) {
            return null;
        }
        Segment segment = segments.get(segments.segmentId(sessionEnd));
        return segment == null ? null : segment.get(SessionKeySchema.toStoreKey(key.get(), sessionStart, sessionEnd));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        StoreGuards.requireKey(key, name);
        return find(key, key, earliestSessionEndTime, latestSessionStartTime, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
                                                                         long latestSessionStartTime) {
        StoreGuards.requireKey(key, name);
        return find(key, key, earliestSessionEndTime, latestSessionStartTime, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
                                                                 long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        return find(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
                                                                         long earliestSessionEndTime,
                                                                         long latestSessionStartTime) {
        return find(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        StoreGuards.requireKey(key, name);
        return find(key, key, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
        StoreGuards.requireKey(key, name);
        return find(key, key, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return find(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
        return find(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> find(Bytes keyFrom, Bytes keyTo, long earliestEnd,
                                                           long latestStart, boolean forward) {
        StoreGuards.ensureOpen(open, name);
        if (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
            return Iterators.empty();
        }
        return Iterators.map(storeKeyRange(keyFrom, keyTo, earliestEnd, latestStart, forward),
                kv -> KeyValue.pair(SessionKeySchema.toWindowed(kv.key.get()), kv.value));
    }

    /** @return entries keyed by store key in (key, end, start) order (or reversed), within retention */
    KeyValueIterator<Bytes, byte[]> storeKeyRange(Bytes keyFrom, Bytes keyTo, long earliestEnd, long latestStart,
                                                  boolean forward) {
        long endFrom = Math.max(earliestEnd, segments.minLiveTimestamp(observedStreamTime));
        Bytes lower = SessionKeySchema.lowerBound(keyFrom, endFrom);
        Bytes upper = SessionKeySchema.upperBound(keyTo);
        List<KeyValueIterator<Bytes, byte[]>> parts = new ArrayList<>();
        for (Segment segment : segments.segments(endFrom, Long.MAX_VALUE, forward)) {
            parts.add(Iterators.filter(segment.range(lower, upper, forward), kv -> true, kv -> {
                byte[] k = kv.key.get();
                return SessionKeySchema.extractEnd(k) >= endFrom && SessionKeySchema.extractStart(k) <= latestStart;
            }));
        }
        return parts.isEmpty() ? Iterators.empty() : Iterators.mergeSorted(parts, forward);
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
}
