package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueStore;

import java.util.List;

/**
 * One time segment of a segmented window or session store: a sorted bytes map (RocksDB instance or in-memory
 * sorted map) opened by the segmented store, not registered with the runtime by itself.
 */
public interface Segment extends KeyValueStore<Bytes, byte[]> {

    /** @return the segment id: the segment's first timestamp divided by the segment interval */
    long id();

    /**
     * Writes restored entries at once (one RocksDB {@code WriteBatch}, in bulk-load mode); null values delete.
     *
     * @param entries the entries
     */
    void writeBatch(List<KeyValue<Bytes, byte[]>> entries);

    /** Closes the segment and deletes its data (files). */
    void destroy();

    /**
     * @param from    first key inclusive, or null
     * @param to      last key inclusive, or null
     * @param forward ascending if true
     * @return the entries in the range
     */
    default io.runnel.streams.state.KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to, boolean forward) {
        return forward ? range(from, to) : reverseRange(from, to);
    }

    /** Creates segments of one engine. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param storeName the segmented store's name
         * @param segmentId the id
         * @param startMs   first timestamp of the segment
         * @return an open segment (existing data kept)
         */
        Segment open(String storeName, long segmentId, long startMs);

        /**
         * @param storeName the segmented store's name
         * @return ids and start timestamps of segments already on disk (empty for memory)
         */
        default List<long[]> existing(String storeName) {
            return List.of();
        }
    }
}
