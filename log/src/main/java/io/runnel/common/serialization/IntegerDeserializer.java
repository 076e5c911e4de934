package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Reads a {@code Integer} from exactly 4 bytes, big-endian, as Kafka's IntegerSerializer. Thread-safe. Null stays null.
 *
 * @see IntegerSerializer
 */
public class IntegerDeserializer implements Deserializer<Integer> {

    /** Creates the deserializer. */
    public IntegerDeserializer() {
    }

    /**
     * @throws SerializationException if {@code data} is not exactly 4 bytes
     */
    @Override
    public Integer deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != 4) {
            throw new SerializationException("Size of data received by IntegerDeserializer is not 4 but "
                    + data.length + " (topic " + topic + "): the bytes were not written by IntegerSerializer");
        }
        return ByteBuffer.wrap(data).getInt();
    }
}
