package io.runnel.common.serialization;

import java.nio.ByteBuffer;

/** Writes a {@code Float} as 4 bytes, IEEE 754 big-endian, as Kafka's FloatSerializer. Thread-safe. Null stays null. */
public class FloatSerializer implements Serializer<Float> {

    /** Creates the serializer. */
    public FloatSerializer() {
    }

    @Override
    public byte[] serialize(String topic, Float data) {
        if (data == null) {
            return null;
        }
        return ByteBuffer.allocate(4).putFloat(data).array();
    }
}
