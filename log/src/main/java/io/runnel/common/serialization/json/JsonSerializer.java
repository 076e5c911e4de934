package io.runnel.common.serialization.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Serializer;

import java.util.Objects;

/**
 * Writes any Java record or POJO as UTF-8 JSON with Jackson. Thread-safe (Jackson's {@link ObjectMapper} is, once
 * configured).
 *
 * @param <T> the type
 */
public class JsonSerializer<T> implements Serializer<T> {

    private final ObjectMapper mapper;

    /** Uses {@link JsonSerde#defaultMapper()}. */
    public JsonSerializer() {
        this(JsonSerde.defaultMapper());
    }

    /** @param mapper a configured mapper, not null */
    public JsonSerializer(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @throws SerializationException naming the type if Jackson cannot write it (for example a class without
     *                                getters or a cycle)
     */
    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write " + data.getClass().getName() + " as JSON (topic " + topic
                    + "): " + e.getOriginalMessage(), e);
        }
    }
}
