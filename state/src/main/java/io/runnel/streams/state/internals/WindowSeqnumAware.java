package io.runnel.streams.state.internals;

/**
 * A window bytes store that tells which sequence number its last put used, so the change-logging layer writes the
 * same changelog key the store wrote (Kafka's logging layer keeps a separate counter, which drifts after a
 * restore).
 */
public interface WindowSeqnumAware {

    /** @return the sequence number of the last put (0 when duplicates are not retained) */
    int lastSeqnum();
}
