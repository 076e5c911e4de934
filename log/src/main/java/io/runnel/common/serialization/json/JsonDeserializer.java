package io.runnel.common.serialization.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads UTF-8 JSON into a record or POJO with Jackson. Records need no annotations; POJOs need a no-argument
 * constructor (or {@code @JsonCreator}) and setters or public fields. Unknown properties are ignored (so producers
 * may add fields first). Thread-safe.
 *
 * @param <T> the type
 */
public class JsonDeserializer<T> implements Deserializer<T> {

    private final ObjectMapper mapper;
    private final JavaType type;

    /**
     * @param type the class to read, not null
     */
    public JsonDeserializer(Class<T> type) {
        this(JsonSerde.defaultMapper(), type);
    }

    /**
     * @param mapper a configured mapper, not null
     * @param type   the class to read, not null
     */
    public JsonDeserializer(ObjectMapper mapper, Class<T> type) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.type = mapper.constructType(Objects.requireNonNull(type, "type"));
    }

    /**
     * @throws SerializationException naming the type and what is wrong if the bytes are not JSON of that type
     */
    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            String preview = new String(data, 0, Math.min(data.length, 64), StandardCharsets.UTF_8);
            throw new SerializationException("Cannot read JSON as " + type.toCanonical() + " (topic " + topic + ", "
                    + data.length + " bytes starting '" + preview + "'): " + e.getMessage(), e);
        }
    }
}
