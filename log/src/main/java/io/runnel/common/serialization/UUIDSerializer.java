package io.runnel.common.serialization;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a {@link UUID} as its 36-character text in UTF-8, as Kafka's {@code UUIDSerializer} does (not as
 * 16 raw bytes). Thread-safe.
 */
public class UUIDSerializer implements Serializer<UUID> {

    /** Creates the serializer. */
    public UUIDSerializer() {
    }

    @Override
    public byte[] serialize(String topic, UUID data) {
        return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
