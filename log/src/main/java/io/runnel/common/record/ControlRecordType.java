package io.runnel.common.record;

import io.runnel.common.errors.InvalidRecordException;

import java.nio.ByteBuffer;

/**
 * The type of a control record (a record in a batch with the control bit set), read from its key as Kafka
 * lays it out: {@code version int16 (0), type int16}. Type 0 is ABORT and 1 is COMMIT (transaction markers);
 * Runnel does not write them yet but reads and keeps them, so Kafka-written logs stay intact.
 */
public enum ControlRecordType {
    /** Transaction abort marker. */
    ABORT((short) 0),
    /** Transaction commit marker. */
    COMMIT((short) 1),
    /** A type this version does not know. */
    UNKNOWN((short) -1);

    /** The current control key version. */
    public static final short CURRENT_CONTROL_RECORD_KEY_VERSION = 0;
    /** Size of a control record key. */
    public static final int CONTROL_RECORD_KEY_SIZE = 4;

    /** The type id as stored. */
    public final short type;

    ControlRecordType(short type) {
        this.type = type;
    }

    /** @return the 4-byte key for a control record of this type */
    public byte[] recordKey() {
        if (this == UNKNOWN) {
            throw new IllegalArgumentException("Cannot write a control record of unknown type");
        }
        return ByteBuffer.allocate(CONTROL_RECORD_KEY_SIZE).putShort(CURRENT_CONTROL_RECORD_KEY_VERSION)
                .putShort(type).array();
    }

    /**
     * @param key a control record's key
     * @return its type ({@link #UNKNOWN} for a type id this version does not know)
     * @throws InvalidRecordException if the key is null or shorter than 4 bytes
     */
    public static ControlRecordType parse(ByteBuffer key) {
        if (key == null || key.remaining() < CONTROL_RECORD_KEY_SIZE) {
            throw new InvalidRecordException("Control record key must be at least " + CONTROL_RECORD_KEY_SIZE
                    + " bytes (version, type), got " + (key == null ? "null" : key.remaining() + " bytes"));
        }
        short type = key.getShort(key.position() + 2);
        switch (type) {
            case 0: return ABORT;
            case 1: return COMMIT;
            default: return UNKNOWN;
        }
    }
}
