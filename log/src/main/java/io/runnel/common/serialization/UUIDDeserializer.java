package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Reads a {@link UUID} from its UTF-8 text form. Thread-safe. */
public class UUIDDeserializer implements Deserializer<UUID> {

    /** Creates the deserializer. */
    public UUIDDeserializer() {
    }

    /**
     * @throws SerializationException if the bytes are not a UUID's text form
     */
    @Override
    public UUID deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Error parsing data into UUID (topic " + topic + "): '" + text
                    + "' is not of the form 8-4-4-4-12 hex digits", e);
        }
    }
}
