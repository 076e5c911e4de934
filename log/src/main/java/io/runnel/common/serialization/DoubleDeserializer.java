package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Reads a {@code Double} from exactly 8 bytes, IEEE 754 big-endian, as Kafka's DoubleSerializer. Thread-safe. Null stays null.
 *
 * @see DoubleSerializer
 */
public class DoubleDeserializer implements Deserializer<Double> {

    /** Creates the deserializer. */
    public DoubleDeserializer() {
    }

    /**
     * @throws SerializationException if {@code data} is not exactly 8 bytes
     */
    @Override
    public Double deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != 8) {
            throw new SerializationException("Size of data received by DoubleDeserializer is not 8 but "
                    + data.length + " (topic " + topic + "): the bytes were not written by DoubleSerializer");
        }
        return ByteBuffer.wrap(data).getDouble();
    }
}
