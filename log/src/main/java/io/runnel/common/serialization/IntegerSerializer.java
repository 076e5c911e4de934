package io.runnel.common.serialization;

import java.nio.ByteBuffer;

/** Writes a {@code Integer} as 4 bytes, big-endian, as Kafka's IntegerSerializer. Thread-safe. Null stays null. */
public class IntegerSerializer implements Serializer<Integer> {

    /** Creates the serializer. */
    public IntegerSerializer() {
    }

    @Override
    public byte[] serialize(String topic, Integer data) {
        if (data == null) {
            return null;
        }
        return ByteBuffer.allocate(4).putInt(data).array();
    }
}
