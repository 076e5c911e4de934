package io.runnel.common;

import java.util.Locale;

/**
 * Which records a consumer reads: Kafka's {@code IsolationLevel}, set with {@code isolation.level}. Until Runnel
 * supports transactions no transactional record can be written, so both levels read the same records.
 */
public enum IsolationLevel {
    /** Read every record up to the high watermark. */
    READ_UNCOMMITTED((byte) 0),
    /** Read only committed transactional records (up to the last stable offset). */
    READ_COMMITTED((byte) 1);

    private final byte id;

    IsolationLevel(byte id) {
        this.id = id;
    }

    /** @return the wire id (0 or 1) */
    public byte id() {
        return id;
    }

    /** @return the configuration value ({@code read_uncommitted}) */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
