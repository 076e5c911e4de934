package io.runnel.streams.state;

import io.runnel.streams.kstream.Windowed;

import java.time.Instant;
import java.util.Objects;

/**
 * Reads of a window store, as Kafka's {@code ReadOnlyWindowStore}: values per key and window start time. All
 * times are ms since the epoch and time ranges are inclusive at both ends. Windows older than the store's
 * retention (relative to the largest window start seen, "stream time") are not returned even if not yet dropped.
 *
 * <p>Order: single-key fetches return windows by ascending start time; multi-key fetches are ordered by serialized
 * key bytes, then start time. {@code backward*} methods return the reverse order. Keys must not be null; key-range
 * bounds may be null (unbounded). Every iterator must be closed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ReadOnlyWindowStore<K, V> {

    /**
     * @param key  the key, not null
     * @param time the window start in ms
     * @return the value of that window, or null (the first one if duplicates are retained)
     */
    V fetch(K key, long time);

    /**
     * @param key      the key, not null
     * @param timeFrom earliest window start (inclusive)
     * @param timeTo   latest window start (inclusive)
     * @return window start and value pairs, ascending
     */
    WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo);

    /**
     * @param key      the key, not null
     * @param timeFrom earliest window start (inclusive)
     * @param timeTo   latest window start (inclusive)
     * @return window start and value pairs, descending
     */
    WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo);

    /**
     * @param keyFrom  first key (inclusive), or null
     * @param keyTo    last key (inclusive), or null
     * @param timeFrom earliest window start (inclusive)
     * @param timeTo   latest window start (inclusive)
     * @return windowed entries
     */
    KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo);

    /**
     * @param keyFrom  first key (inclusive), or null
     * @param keyTo    last key (inclusive), or null
     * @param timeFrom earliest window start (inclusive)
     * @param timeTo   latest window start (inclusive)
     * @return windowed entries, in reverse order
     */
    KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo);

    /**
     * @param timeFrom earliest window start (inclusive)
     * @param timeTo   latest window start (inclusive)
     * @return every key's windows in the time range
     */
    KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo);

    /**
     * @param timeFrom earliest window start (inclusive)
     * @param timeTo   latest window start (inclusive)
     * @return every key's windows in the time range, reverse order
     */
    KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo);

    /** @return every retained window */
    KeyValueIterator<Windowed<K>, V> all();

    /** @return every retained window, reverse order */
    KeyValueIterator<Windowed<K>, V> backwardAll();
    /**
     * {@link #fetch(Object, long, long)} with instants, as Kafka's interactive-query signature.
     *
     * @param key      the key, not null
     * @param timeFrom earliest window start (inclusive), not null
     * @param timeTo   latest window start (inclusive), not null
     * @return window start and value pairs, ascending
     */
    default WindowStoreIterator<V> fetch(K key, Instant timeFrom, Instant timeTo) {
        return fetch(key, millis(timeFrom, "timeFrom"), millis(timeTo, "timeTo"));
    }

    /**
     * {@link #backwardFetch(Object, long, long)} with instants.
     *
     * @param key      the key, not null
     * @param timeFrom earliest window start (inclusive), not null
     * @param timeTo   latest window start (inclusive), not null
     * @return window start and value pairs, descending
     */
    default WindowStoreIterator<V> backwardFetch(K key, Instant timeFrom, Instant timeTo) {
        return backwardFetch(key, millis(timeFrom, "timeFrom"), millis(timeTo, "timeTo"));
    }

    /**
     * {@link #fetch(Object, Object, long, long)} with instants.
     *
     * @param keyFrom  first key (inclusive), or null
     * @param keyTo    last key (inclusive), or null
     * @param timeFrom earliest window start (inclusive), not null
     * @param timeTo   latest window start (inclusive), not null
     * @return windowed entries
     */
    default KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo) {
        return fetch(keyFrom, keyTo, millis(timeFrom, "timeFrom"), millis(timeTo, "timeTo"));
    }

    /**
     * {@link #fetchAll(long, long)} with instants.
     *
     * @param timeFrom earliest window start (inclusive), not null
     * @param timeTo   latest window start (inclusive), not null
     * @return every key's windows in the time range
     */
    default KeyValueIterator<Windowed<K>, V> fetchAll(Instant timeFrom, Instant timeTo) {
        return fetchAll(millis(timeFrom, "timeFrom"), millis(timeTo, "timeTo"));
    }

    private static long millis(Instant instant, String name) {
        return Objects.requireNonNull(instant, name + " cannot be null").toEpochMilli();
    }
}
