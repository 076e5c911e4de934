package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a {@code String} in UTF-8, or in the charset named by {@code key.serializer.encoding},
 * {@code value.serializer.encoding} or {@code serializer.encoding} (Kafka's settings). Null stays null.
 * Thread-safe after configuration.
 */
public class StringSerializer implements Serializer<String> {

    private Charset encoding = StandardCharsets.UTF_8;

    /** Creates a UTF-8 serializer. */
    public StringSerializer() {
    }

    /**
     * @throws SerializationException if the configured encoding is not a known charset
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object name = configs.get(isKey ? "key.serializer.encoding" : "value.serializer.encoding");
        if (name == null) {
            name = configs.get("serializer.encoding");
        }
        if (name != null) {
            encoding = StringDeserializer.charset(name.toString());
        }
    }

    @Override
    public byte[] serialize(String topic, String data) {
        return data == null ? null : data.getBytes(encoding);
    }
}
