package io.runnel.streams.processor;

import io.runnel.streams.KeyValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A batching restore callback that also needs each record's timestamp (timestamped stores rebuild
 * {@code ValueAndTimestamp} from it). The runtime prefers this over {@link BatchingStateRestoreCallback} when a
 * store registers one. Every store of the state module registers one.
 */
public interface RecordBatchingStateRestoreCallback extends BatchingStateRestoreCallback {

    /**
     * @param records changelog records in changelog order
     */
    void restoreBatch(Collection<ChangelogRecord> records);

    /** Restores records without timestamps (timestamp -1). */
    @Override
    default void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        List<ChangelogRecord> converted = new ArrayList<>(records.size());
        for (KeyValue<byte[], byte[]> kv : records) {
            converted.add(new ChangelogRecord(kv.key, kv.value, -1L));
        }
        restoreBatch(converted);
    }
}
