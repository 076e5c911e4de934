package io.runnel.connect.runtime.storage;

import io.runnel.connect.data.ConnectSchema;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.json.JsonConverter;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serializes source offsets as Kafka Connect does for its offsets topic: keys are the JSON array {@code
 * ["<connector>", {<source partition>}]} and values the JSON object of the offset, both schemaless JSON. Partition
 * maps are serialized with their keys sorted, so equal maps always give equal keys whatever their iteration
 * order. Thread-safe.
 */
public final class OffsetUtils {

    private static final JsonConverter CONVERTER = new JsonConverter();

    static {
        CONVERTER.configure(Map.of("schemas.enable", false, "converter.type", "key"));
    }

    private OffsetUtils() {
    }

    /**
     * Checks that a source partition or offset can be stored: string keys and primitive values only.
     *
     * @param data a partition or offset map, may be null
     * @throws DataException naming the bad field
     */
    public static void validateFormat(Map<?, ?> data) {
        if (data == null) {
            return;
        }
        for (Map.Entry<?, ?> e : data.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new DataException("Offsets may only use String keys, found " + e.getKey());
            }
            Object value = e.getValue();
            if (value == null) {
                continue;
            }
            Schema.Type type = ConnectSchema.schemaType(value.getClass());
            if (type == null) {
                throw new DataException("Offsets may only contain primitive types as values, but field "
                        + e.getKey() + " contains " + value.getClass());
            }
            if (!type.isPrimitive()) {
                throw new DataException("Offsets may only contain primitive types as values, but field "
                        + e.getKey() + " contains " + type);
            }
        }
    }

    /**
     * @param connector the connector's name
     * @param partition a source partition
     * @return the serialized key
     */
    public static ByteBuffer key(String connector, Map<String, ?> partition) {
        return ByteBuffer.wrap(CONVERTER.fromConnectData("", null, List.of(connector, new TreeMap<>(partition))));
    }

    /**
     * @param offset an offset, or null
     * @return the serialized value, or null
     */
    public static ByteBuffer value(Map<String, ?> offset) {
        return offset == null ? null : ByteBuffer.wrap(CONVERTER.fromConnectData("", null, new TreeMap<>(offset)));
    }

    /**
     * @param value a serialized offset
     * @return the offset map (integral numbers as Long)
     * @throws DataException if the bytes are not a JSON object
     */
    @SuppressWarnings("unchecked") // schemaless JSON objects convert to maps with string keys
    public static Map<String, Object> readValue(ByteBuffer value) {
        ByteBuffer dup = value.duplicate();
        byte[] bytes = new byte[dup.remaining()];
        dup.get(bytes);
        SchemaAndValue parsed = CONVERTER.toConnectData("", bytes);
        if (!(parsed.value() instanceof Map)) {
            throw new DataException("Stored offset is not a JSON object: " + parsed.value());
        }
        return (Map<String, Object>) parsed.value();
    }

    /**
     * Reads a key written by {@link #key}.
     *
     * @param key a serialized key
     * @return the connector's name and the source partition, or null when the bytes are not such a key
     */
    @SuppressWarnings("unchecked") // schemaless JSON objects convert to maps with string keys
    public static Map.Entry<String, Map<String, Object>> readKey(ByteBuffer key) {
        ByteBuffer dup = key.duplicate();
        byte[] bytes = new byte[dup.remaining()];
        dup.get(bytes);
        try {
            Object parsed = CONVERTER.toConnectData("", bytes).value();
            if (parsed instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String connector
                    && list.get(1) instanceof Map<?, ?> partition) {
                return Map.entry(connector, (Map<String, Object>) partition);
            }
        } catch (DataException e) {
            // Not a key of ours.
        }
        return null;
    }
}
