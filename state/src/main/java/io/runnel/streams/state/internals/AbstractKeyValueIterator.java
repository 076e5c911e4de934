package io.runnel.streams.state.internals;

import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueIterator;

import java.util.NoSuchElementException;

/**
 * A {@link KeyValueIterator} built from one method, {@link #computeNext()}, that returns the next entry or null
 * at the end; peeking comes for free. Subclasses release resources in {@link #onClose()}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public abstract class AbstractKeyValueIterator<K, V> implements KeyValueIterator<K, V> {

    private KeyValue<K, V> next;
    private boolean done;
    private boolean closed;

    /** @return the next entry, or null when there is none; called at most once after it returned null */
    protected abstract KeyValue<K, V> computeNext();

    /** Releases resources; called once. */
    protected void onClose() {
    }

    /** Throws if the iterator may not be used (its store closed); the default does nothing. */
    protected void checkUsable() {
    }

    @Override
    public final boolean hasNext() {
        checkUsable();
        if (next != null) {
            return true;
        }
        if (done || closed) {
            return false;
        }
        next = computeNext();
        if (next == null) {
            done = true;
        }
        return next != null;
    }

    @Override
    public final KeyValue<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more entries in this store iterator");
        }
        KeyValue<K, V> result = next;
        next = null;
        return result;
    }

    @Override
    public final K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more entries in this store iterator");
        }
        return next.key;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            next = null;
            onClose();
        }
    }
}
