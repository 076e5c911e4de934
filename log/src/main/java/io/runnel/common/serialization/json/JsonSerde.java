package io.runnel.common.serialization.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.runnel.common.serialization.Serdes;

/**
 * A JSON serde for Java records and POJOs, through Jackson:
 * <pre>{@code
 * record Order(String id, long amountCents) { }
 * Serde<Order> orders = JsonSerde.of(Order.class);
 * }</pre>
 * The bytes are UTF-8 JSON objects, readable by any JSON consumer. Thread-safe.
 *
 * @param <T> the type
 */
public final class JsonSerde<T> extends Serdes.WrapperSerde<T> {

    /**
     * @param type the class, not null
     */
    public JsonSerde(Class<T> type) {
        this(defaultMapper(), type);
    }

    /**
     * @param mapper a configured mapper (modules, naming strategy...), not null
     * @param type   the class, not null
     */
    public JsonSerde(ObjectMapper mapper, Class<T> type) {
        super(new JsonSerializer<>(mapper), new JsonDeserializer<>(mapper, type));
    }

    /**
     * @param <T>  the type
     * @param type the class
     * @return a JSON serde of it with the default mapper
     */
    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    /**
     * @return a new mapper as Runnel configures it: unknown properties ignored, dates as ISO-8601 text, modules on
     *         the class path (for example Java time) registered
     */
    public static ObjectMapper defaultMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, true);
    }
}
