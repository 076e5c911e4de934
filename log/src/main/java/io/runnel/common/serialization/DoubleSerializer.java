package io.runnel.common.serialization;

import java.nio.ByteBuffer;

/** Writes a {@code Double} as 8 bytes, IEEE 754 big-endian, as Kafka's DoubleSerializer. Thread-safe. Null stays null. */
public class DoubleSerializer implements Serializer<Double> {

    /** Creates the serializer. */
    public DoubleSerializer() {
    }

    @Override
    public byte[] serialize(String topic, Double data) {
        if (data == null) {
            return null;
        }
        return ByteBuffer.allocate(8).putDouble(data).array();
    }
}
