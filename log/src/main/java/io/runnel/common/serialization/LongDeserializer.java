package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Reads a {@code Long} from exactly 8 bytes, big-endian, as Kafka's LongSerializer. Thread-safe. Null stays null.
 *
 * @see LongSerializer
 */
public class LongDeserializer implements Deserializer<Long> {

    /** Creates the deserializer. */
    public LongDeserializer() {
    }

    /**
     * @throws SerializationException if {@code data} is not exactly 8 bytes
     */
    @Override
    public Long deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != 8) {
            throw new SerializationException("Size of data received by LongDeserializer is not 8 but "
                    + data.length + " (topic " + topic + "): the bytes were not written by LongSerializer");
        }
        return ByteBuffer.wrap(data).getLong();
    }
}
