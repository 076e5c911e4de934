package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Reads a {@code Short} from exactly 2 bytes, big-endian, as Kafka's ShortSerializer. Thread-safe. Null stays null.
 *
 * @see ShortSerializer
 */
public class ShortDeserializer implements Deserializer<Short> {

    /** Creates the deserializer. */
    public ShortDeserializer() {
    }

    /**
     * @throws SerializationException if {@code data} is not exactly 2 bytes
     */
    @Override
    public Short deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != 2) {
            throw new SerializationException("Size of data received by ShortDeserializer is not 2 but "
                    + data.length + " (topic " + topic + "): the bytes were not written by ShortSerializer");
        }
        return ByteBuffer.wrap(data).getShort();
    }
}
