package io.runnel.common.serialization;

import java.nio.ByteBuffer;

/** Writes a {@code Long} as 8 bytes, big-endian, as Kafka's LongSerializer. Thread-safe. Null stays null. */
public class LongSerializer implements Serializer<Long> {

    /** Creates the serializer. */
    public LongSerializer() {
    }

    @Override
    public byte[] serialize(String topic, Long data) {
        if (data == null) {
            return null;
        }
        return ByteBuffer.allocate(8).putLong(data).array();
    }
}
