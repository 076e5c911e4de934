package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.ChangeLogger;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;

/**
 * The change-logging layer of window stores: logs {@code key + window start + seqnum} (Kafka's changelog key) with
 * the value, after the store applied the put. Used by one task thread.
 */
public class ChangeLoggingWindowBytesStore extends WrappedStateStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<Bytes, byte[]> {

    private final ValueFormat valueFormat;
    private final boolean retainDuplicates;
    private ChangeLogger logger;
    private StateStoreContext context;
    private int seqnum;

    /**
     * @param wrapped          the bytes store
     * @param valueFormat      whether values carry a timestamp prefix
     * @param retainDuplicates whether the store keeps every put
     */
    public ChangeLoggingWindowBytesStore(WindowStore<Bytes, byte[]> wrapped, ValueFormat valueFormat,
                                         boolean retainDuplicates) {
        super(wrapped);
        this.valueFormat = valueFormat;
        this.retainDuplicates = retainDuplicates;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        super.init(context, root);
        this.context = context;
        this.logger = context.changeLogger(name());
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTimestamp) {
        wrapped().put(key, value, windowStartTimestamp);
        if (retainDuplicates && value == null) {
            return;
        }
        int seq = 0;
        if (retainDuplicates) {
            if (wrapped() instanceof WindowSeqnumAware aware) {
                seq = aware.lastSeqnum();
            } else {
                seq = seqnum;
                seqnum = (seqnum + 1) & 0x7FFFFFFF;
            }
        }
        Bytes changelogKey = WindowKeySchema.toChangelogKey(key.get(), windowStartTimestamp, seq);
        if (valueFormat == ValueFormat.TIMESTAMPED && value != null) {
            logger.log(changelogKey, ValueFormat.rawValueOf(value), ValueFormat.timestampOf(value));
        } else {
            logger.log(changelogKey, value, context.recordTimestamp());
        }
    }

    @Override
    public byte[] fetch(Bytes key, long time) {
        return wrapped().fetch(key, time);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return wrapped().fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return wrapped().backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                  long timeTo) {
        return wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return wrapped().fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return wrapped().backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return wrapped().backwardAll();
    }
}
