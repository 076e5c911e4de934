package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a {@code String} from UTF-8, or from the charset named by {@code key.deserializer.encoding},
 * {@code value.deserializer.encoding} or {@code deserializer.encoding}. Null stays null. Thread-safe after
 * configuration.
 */
public class StringDeserializer implements Deserializer<String> {

    private Charset encoding = StandardCharsets.UTF_8;

    /** Creates a UTF-8 deserializer. */
    public StringDeserializer() {
    }

    /**
     * @throws SerializationException if the configured encoding is not a known charset
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object name = configs.get(isKey ? "key.deserializer.encoding" : "value.deserializer.encoding");
        if (name == null) {
            name = configs.get("deserializer.encoding");
        }
        if (name != null) {
            encoding = charset(name.toString());
        }
    }

    @Override
    public String deserialize(String topic, byte[] data) {
        return data == null ? null : new String(data, encoding);
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Unknown string encoding '" + name
                    + "': use a charset name Java knows, such as UTF-8 or ISO-8859-1", e);
        }
    }
}
