package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.ChangeLogger;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.SessionStore;

/**
 * The change-logging layer of session stores: logs {@code key + end + start} (Kafka's changelog key) with the
 * aggregate, or null for a removed session. Used by one task thread.
 */
public class ChangeLoggingSessionBytesStore extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<Bytes, byte[]> {

    private ChangeLogger logger;
    private StateStoreContext context;

    /** @param wrapped the bytes store */
    public ChangeLoggingSessionBytesStore(SessionStore<Bytes, byte[]> wrapped) {
        super(wrapped);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        super.init(context, root);
        this.context = context;
        this.logger = context.changeLogger(name());
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        wrapped().put(sessionKey, aggregate);
        logger.log(SessionKeySchema.toChangelogKey(sessionKey.key().get(), sessionKey.window().start(),
                sessionKey.window().end()), aggregate, context.recordTimestamp());
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        put(sessionKey, null);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        return wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
                                                                         long latestSessionStartTime) {
        return wrapped().backwardFindSessions(key, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
                                                                 long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        return wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
                                                                         long earliestSessionEndTime,
                                                                         long latestSessionStartTime) {
        return wrapped().backwardFindSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStart, long sessionEnd) {
        return wrapped().fetchSession(key, sessionStart, sessionEnd);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        return wrapped().fetch(key);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
        return wrapped().backwardFetch(key);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return wrapped().fetch(keyFrom, keyTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
        return wrapped().backwardFetch(keyFrom, keyTo);
    }
}
