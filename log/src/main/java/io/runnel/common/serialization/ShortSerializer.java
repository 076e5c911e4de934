package io.runnel.common.serialization;

import java.nio.ByteBuffer;

/** Writes a {@code Short} as 2 bytes, big-endian, as Kafka's ShortSerializer. Thread-safe. Null stays null. */
public class ShortSerializer implements Serializer<Short> {

    /** Creates the serializer. */
    public ShortSerializer() {
    }

    @Override
    public byte[] serialize(String topic, Short data) {
        if (data == null) {
            return null;
        }
        return ByteBuffer.allocate(2).putShort(data).array();
    }
}
