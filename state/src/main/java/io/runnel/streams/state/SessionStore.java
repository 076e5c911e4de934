package io.runnel.streams.state;

import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.StateStore;

/**
 * A session store, as Kafka's {@code SessionStore}. Sessions whose end is older than the retention period
 * (relative to the largest session end seen) are dropped. Used by one task thread.
 *
 * @param <K>   the key type
 * @param <AGG> the aggregate type
 */
public interface SessionStore<K, AGG> extends StateStore, ReadOnlySessionStore<K, AGG> {

    /**
     * @param sessionKey the key and its session window, not null (nor its key)
     */
    void remove(Windowed<K> sessionKey);

    /**
     * @param sessionKey the key and its session window, not null (nor its key)
     * @param aggregate  the aggregate, or null to remove the session
     */
    void put(Windowed<K> sessionKey, AGG aggregate);
}
