package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Reads a {@code Float} from exactly 4 bytes, IEEE 754 big-endian, as Kafka's FloatSerializer. Thread-safe. Null stays null.
 *
 * @see FloatSerializer
 */
public class FloatDeserializer implements Deserializer<Float> {

    /** Creates the deserializer. */
    public FloatDeserializer() {
    }

    /**
     * @throws SerializationException if {@code data} is not exactly 4 bytes
     */
    @Override
    public Float deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != 4) {
            throw new SerializationException("Size of data received by FloatDeserializer is not 4 but "
                    + data.length + " (topic " + topic + "): the bytes were not written by FloatSerializer");
        }
        return ByteBuffer.wrap(data).getFloat();
    }
}
