package io.runnel.streams.processor.internals.query;

import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.WindowStoreIterator;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An iterator over entries copied out of stores (query results). {@link #close()} is a no-op.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class ListKeyValueIterator<K, V> implements KeyValueIterator<K, V> {

    private final Iterator<KeyValue<K, V>> it;
    private KeyValue<K, V> next;

    /** @param entries the entries, in order */
    public ListKeyValueIterator(List<KeyValue<K, V>> entries) {
        this.it = entries.iterator();
        this.next = it.hasNext() ? it.next() : null;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public KeyValue<K, V> next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        KeyValue<K, V> result = next;
        next = it.hasNext() ? it.next() : null;
        return result;
    }

    @Override
    public K peekNextKey() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        return next.key;
    }

    @Override
    public void close() {
    }

    /**
     * A window store iterator (keys are window start times).
     *
     * @param <V> the value type
     */
    public static final class Window<V> extends ListKeyValueIterator<Long, V> implements WindowStoreIterator<V> {
        /** @param entries the entries */
        public Window(List<KeyValue<Long, V>> entries) {
            super(entries);
        }
    }
}
