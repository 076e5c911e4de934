package io.runnel.streams.state;

import io.runnel.streams.kstream.Windowed;

/**
 * Reads of a session store, as Kafka's {@code ReadOnlySessionStore}: aggregates per key and session
 * {@code [start, end]} (both inclusive, ms). Sessions are ordered by serialized key bytes, then session end, then
 * session start; {@code backward*} methods reverse that. Keys must not be null; key-range bounds may be null.
 * Every iterator must be closed.
 *
 * @param <K>   the key type
 * @param <AGG> the aggregate type
 */
public interface ReadOnlySessionStore<K, AGG> {

    /**
     * Sessions of a key that end at or after {@code earliestSessionEndTime} and start at or before
     * {@code latestSessionStartTime}: the sessions a new record at time t may merge with, for
     * {@code (t - gap, t + gap)}.
     *
     * @param key                    the key, not null
     * @param earliestSessionEndTime lower bound of session ends (inclusive)
     * @param latestSessionStartTime upper bound of session starts (inclusive)
     * @return the sessions, ascending
     */
    KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndTime, long latestSessionStartTime);

    /**
     * @param key                    the key, not null
     * @param earliestSessionEndTime lower bound of session ends (inclusive)
     * @param latestSessionStartTime upper bound of session starts (inclusive)
     * @return the sessions, descending
     */
    KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K key, long earliestSessionEndTime,
                                                            long latestSessionStartTime);

    /**
     * @param keyFrom                first key (inclusive), or null
     * @param keyTo                  last key (inclusive), or null
     * @param earliestSessionEndTime lower bound of session ends (inclusive)
     * @param latestSessionStartTime upper bound of session starts (inclusive)
     * @return the sessions, ascending
     */
    KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                    long latestSessionStartTime);

    /**
     * @param keyFrom                first key (inclusive), or null
     * @param keyTo                  last key (inclusive), or null
     * @param earliestSessionEndTime lower bound of session ends (inclusive)
     * @param latestSessionStartTime upper bound of session starts (inclusive)
     * @return the sessions, descending
     */
    KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                            long latestSessionStartTime);

    /**
     * @param key          the key, not null
     * @param sessionStart the session start in ms
     * @param sessionEnd   the session end in ms
     * @return the aggregate of exactly that session, or null
     */
    AGG fetchSession(K key, long sessionStart, long sessionEnd);

    /**
     * @param key the key, not null
     * @return every retained session of the key, ascending
     */
    KeyValueIterator<Windowed<K>, AGG> fetch(K key);

    /**
     * @param key the key, not null
     * @return every retained session of the key, descending
     */
    KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key);

    /**
     * @param keyFrom first key (inclusive), or null
     * @param keyTo   last key (inclusive), or null
     * @return every retained session of the keys, ascending
     */
    KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo);

    /**
     * @param keyFrom first key (inclusive), or null
     * @param keyTo   last key (inclusive), or null
     * @return every retained session of the keys, descending
     */
    KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo);
}
