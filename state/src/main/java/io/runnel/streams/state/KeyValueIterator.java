package io.runnel.streams.state;

import io.runnel.streams.KeyValue;

import java.io.Closeable;
import java.util.Iterator;

/**
 * An iterator over store entries, as Kafka's {@code KeyValueIterator}. It may hold native resources (a RocksDB
 * iterator and snapshot) and <b>must be closed</b>, best with try-with-resources. Using it after its store is
 * closed throws {@link io.runnel.streams.errors.InvalidStateStoreException}. Not thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KeyValueIterator<K, V> extends Iterator<KeyValue<K, V>>, Closeable {

    /** Releases the iterator's resources. Idempotent; never throws. */
    @Override
    void close();

    /**
     * @return the key of the next entry without advancing
     * @throws java.util.NoSuchElementException if there is no next entry
     */
    K peekNextKey();
}
