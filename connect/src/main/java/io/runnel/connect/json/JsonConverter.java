package io.runnel.connect.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.data.ConnectSchema;
import io.runnel.connect.data.Date;
import io.runnel.connect.data.Decimal;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Time;
import io.runnel.connect.data.Timestamp;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.storage.Converter;
import io.runnel.connect.storage.ConverterType;
import io.runnel.connect.storage.HeaderConverter;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Connect data to and from JSON, byte for byte as Kafka Connect's {@code JsonConverter} writes it, so
 * topics written by either can be read by the other.
 *
 * <h2>Format</h2>
 * With {@code schemas.enable=true} (the default) every key or value is an envelope
 * {@code {"schema":<schema>,"payload":<value>}}; with {@code false} only the payload is written, and reading
 * infers a schemaless value (objects become maps, integral numbers INT64, other numbers FLOAT64).
 * <pre>
 * schema  := {"type": "int8"|"int16"|"int32"|"int64"|"float"|"double"|"boolean"|"string"|"bytes"
 *                     |"array"|"map"|"struct",
 *             "items": schema            (array)
 *             "keys": schema, "values": schema   (map)
 *             "fields": [schema + {"field": name}, ...]   (struct)
 *             "optional": bool, "name": str, "version": int, "doc": str,
 *             "parameters": {str: str}, "default": payload}       (keys in this order; absent when unset)
 * payload := JSON of the value: numbers, booleans, strings; bytes as base64 strings; arrays; structs as
 *            objects in field order; maps with STRING keys as objects, other maps as [[key, value], ...]
 * </pre>
 * Logical types write their underlying value: Date as days (int), Time as ms of day (int), Timestamp as epoch
 * ms (long), Decimal as base64 of the unscaled bytes or, with {@code decimal.format=NUMERIC}, a JSON number.
 * A null in a field that has a default is written as the default unless {@code replace.null.with.default=false}.
 *
 * <h2>Design</h2>
 * Values go through Jackson's tree model ({@link JsonNode}) so that key order and number rendering are exactly
 * Jackson's, as in Kafka; schemas are cached (LRU, {@code schemas.cache.size} entries per direction) because
 * a task converts many records of few schemas. An instance is used by one task thread; the caches are
 * synchronized so sharing is also safe.
 */
public class JsonConverter implements Converter, HeaderConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper writer = new ObjectMapper();
    // Decimals are read exactly as written (no trailing zeros stripped), so NUMERIC decimals keep their scale.
    private final ObjectMapper reader = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private JsonConverterConfig config;
    private Map<Schema, ObjectNode> fromConnectSchemaCache;
    private Map<JsonNode, Schema> toConnectSchemaCache;

    /** Creates a converter with the defaults (schemas enabled) until configured. */
    public JsonConverter() {
        configure(Map.of(JsonConverterConfig.TYPE_CONFIG, ConverterType.VALUE.getName()));
    }

    @Override
    public ConfigDef config() {
        return JsonConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        config = new JsonConverterConfig(configs);
        fromConnectSchemaCache = lru(config.schemaCacheSize());
        toConnectSchemaCache = lru(config.schemaCacheSize());
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> conf = new HashMap<>(configs);
        conf.put(JsonConverterConfig.TYPE_CONFIG, isKey ? ConverterType.KEY.getName() : ConverterType.VALUE.getName());
        configure(conf);
    }

    private static <K, V> Map<K, V> lru(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (schema == null && value == null) {
            return null;
        }
        JsonNode json;
        if (config.schemasEnabled()) {
            ObjectNode envelope = NODES.objectNode();
            envelope.set("schema", asJsonSchema(schema));
            envelope.set("payload", convertToJson(schema, value));
            json = envelope;
        } else {
            json = convertToJson(schema, value);
        }
        try {
            return writer.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new DataException("Converting Kafka Connect data to byte[] failed due to serialization error of "
                    + "topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        JsonNode json;
        try {
            json = reader.readTree(value);
        } catch (IOException e) {
            throw new DataException("Converting byte[] to Kafka Connect data failed due to serialization error of "
                    + "topic " + topic + ": " + e.getMessage(), e);
        }
        if (json == null || json.isMissingNode()) {
            return SchemaAndValue.NULL;
        }
        if (config.schemasEnabled()) {
            if (!json.isObject() || json.size() != 2 || !json.has("schema") || !json.has("payload")) {
                throw new DataException("JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields"
                        + " and may not contain additional fields. If you are trying to deserialize plain JSON data,"
                        + " set schemas.enable=false in your converter configuration.");
            }
            Schema schema = asConnectSchema(json.get("schema"));
            return new SchemaAndValue(schema, convertToConnect(schema, json.get("payload")));
        }
        return new SchemaAndValue(null, convertToConnect(null, json));
    }

    /**
     * Renders a Connect schema as Kafka Connect's JSON schema.
     *
     * @param schema a schema, or null
     * @return the JSON schema, or null for null
     */
    public ObjectNode asJsonSchema(Schema schema) {
        if (schema == null) {
            return null;
        }
        ObjectNode cached = fromConnectSchemaCache.get(schema);
        if (cached != null) {
            return cached;
        }
        ObjectNode json = NODES.objectNode();
        switch (schema.type()) {
            case BOOLEAN -> json.put("type", "boolean");
            case BYTES -> json.put("type", "bytes");
            case FLOAT64 -> json.put("type", "double");
            case FLOAT32 -> json.put("type", "float");
            case INT8 -> json.put("type", "int8");
            case INT16 -> json.put("type", "int16");
            case INT32 -> json.put("type", "int32");
            case INT64 -> json.put("type", "int64");
            case STRING -> json.put("type", "string");
            case ARRAY -> {
                json.put("type", "array");
                json.set("items", asJsonSchema(schema.valueSchema()));
            }
            case MAP -> {
                json.put("type", "map");
                json.set("keys", asJsonSchema(schema.keySchema()));
                json.set("values", asJsonSchema(schema.valueSchema()));
            }
            case STRUCT -> {
                json.put("type", "struct");
                ArrayNode fields = NODES.arrayNode();
                for (Field field : schema.fields()) {
                    ObjectNode fieldJson = asJsonSchema(field.schema()).deepCopy();
                    fieldJson.put("field", field.name());
                    fields.add(fieldJson);
                }
                json.set("fields", fields);
            }
            default -> throw new DataException("Couldn't translate unsupported schema type " + schema + ".");
        }
        json.put("optional", schema.isOptional());
        if (schema.name() != null) {
            json.put("name", schema.name());
        }
        if (schema.version() != null) {
            json.put("version", schema.version());
        }
        if (schema.doc() != null) {
            json.put("doc", schema.doc());
        }
        if (schema.parameters() != null) {
            ObjectNode params = NODES.objectNode();
            schema.parameters().forEach(params::put);
            json.set("parameters", params);
        }
        if (schema.defaultValue() != null) {
            json.set("default", convertToJson(schema, schema.defaultValue()));
        }
        fromConnectSchemaCache.put(schema, json);
        return json;
    }

    /**
     * Reads Kafka Connect's JSON schema.
     *
     * @param json a JSON schema, or a JSON null
     * @return the schema, or null for a JSON null
     * @throws DataException if the JSON is not a valid schema
     */
    public Schema asConnectSchema(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        Schema cached = toConnectSchemaCache.get(json);
        if (cached != null) {
            return cached;
        }
        JsonNode typeNode = json.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new DataException("Schema must contain 'type' field");
        }
        SchemaBuilder builder = switch (typeNode.textValue()) {
            case "boolean" -> SchemaBuilder.bool();
            case "int8" -> SchemaBuilder.int8();
            case "int16" -> SchemaBuilder.int16();
            case "int32" -> SchemaBuilder.int32();
            case "int64" -> SchemaBuilder.int64();
            case "float" -> SchemaBuilder.float32();
            case "double" -> SchemaBuilder.float64();
            case "bytes" -> SchemaBuilder.bytes();
            case "string" -> SchemaBuilder.string();
            case "array" -> {
                JsonNode items = json.get("items");
                if (items == null || items.isNull()) {
                    throw new DataException("Array schema did not specify the element type");
                }
                yield SchemaBuilder.array(asConnectSchema(items));
            }
            case "map" -> {
                JsonNode keys = json.get("keys");
                if (keys == null || keys.isNull()) {
                    throw new DataException("Map schema did not specify the key type");
                }
                JsonNode values = json.get("values");
                if (values == null || values.isNull()) {
                    throw new DataException("Map schema did not specify the value type");
                }
                yield SchemaBuilder.map(asConnectSchema(keys), asConnectSchema(values));
            }
            case "struct" -> {
                SchemaBuilder struct = SchemaBuilder.struct();
                JsonNode fields = json.get("fields");
                if (fields == null || !fields.isArray()) {
                    throw new DataException("Struct schema's \"fields\" argument is not an array.");
                }
                for (JsonNode field : fields) {
                    JsonNode name = field.get("field");
                    if (name == null || !name.isTextual()) {
                        throw new DataException("Struct schema's field name not specified properly");
                    }
                    struct.field(name.asText(), asConnectSchema(field));
                }
                yield struct;
            }
            default -> throw new DataException("Unknown schema type: " + typeNode.textValue());
        };
        JsonNode optional = json.get("optional");
        if (optional != null && optional.isBoolean() && optional.booleanValue()) {
            builder.optional();
        } else {
            builder.required();
        }
        JsonNode name = json.get("name");
        if (name != null && name.isTextual()) {
            builder.name(name.textValue());
        }
        JsonNode version = json.get("version");
        if (version != null && version.isInt()) {
            builder.version(version.intValue());
        }
        JsonNode doc = json.get("doc");
        if (doc != null && doc.isTextual()) {
            builder.doc(doc.textValue());
        }
        JsonNode params = json.get("parameters");
        if (params != null && params.isObject()) {
            for (Map.Entry<String, JsonNode> e : params.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new DataException("Schema parameters must have string values.");
                }
                builder.parameter(e.getKey(), e.getValue().textValue());
            }
        }
        JsonNode defaultNode = json.get("default");
        if (defaultNode != null) {
            builder.defaultValue(convertToConnect(builder, defaultNode));
        }
        Schema result = builder.build();
        toConnectSchemaCache.put(json, result);
        return result;
    }

    private JsonNode convertToJson(Schema schema, Object value) {
        if (value == null) {
            if (schema == null) {
                return null;
            }
            if (schema.defaultValue() != null && config.replaceNullWithDefault()) {
                return convertToJson(schema, schema.defaultValue());
            }
            if (schema.isOptional()) {
                return NODES.nullNode();
            }
            throw new DataException("Conversion error: null value for field that is required and has no default value");
        }
        if (schema != null && schema.name() != null) {
            JsonNode logical = logicalToJson(schema, value);
            if (logical != null) {
                return logical;
            }
        }
        Schema.Type type;
        if (schema == null) {
            type = ConnectSchema.schemaType(value.getClass());
            if (type == null) {
                throw new DataException("Java class " + value.getClass() + " does not have corresponding schema type.");
            }
        } else {
            type = schema.type();
        }
        try {
            switch (type) {
                case INT8:
                    return NODES.numberNode((Byte) value);
                case INT16:
                    return NODES.numberNode((Short) value);
                case INT32:
                    return NODES.numberNode((Integer) value);
                case INT64:
                    return NODES.numberNode((Long) value);
                case FLOAT32:
                    return NODES.numberNode((Float) value);
                case FLOAT64:
                    return NODES.numberNode((Double) value);
                case BOOLEAN:
                    return NODES.booleanNode((Boolean) value);
                case STRING:
                    return NODES.textNode(((CharSequence) value).toString());
                case BYTES:
                    if (value instanceof byte[] bytes) {
                        return NODES.binaryNode(bytes);
                    }
                    if (value instanceof ByteBuffer buffer) {
                        ByteBuffer dup = buffer.duplicate();
                        byte[] bytes = new byte[dup.remaining()];
                        dup.get(bytes);
                        return NODES.binaryNode(bytes);
                    }
                    throw new DataException("Invalid type for bytes type: " + value.getClass());
                case ARRAY: {
                    ArrayNode list = NODES.arrayNode();
                    Schema elementSchema = schema == null ? null : schema.valueSchema();
                    for (Object element : (Collection<?>) value) {
                        list.add(convertToJson(elementSchema, element));
                    }
                    return list;
                }
                case MAP:
                    return mapToJson(schema, (Map<?, ?>) value);
                case STRUCT: {
                    Struct struct = (Struct) value;
                    if (!struct.schema().equals(schema)) {
                        throw new DataException("Mismatching schema.");
                    }
                    ObjectNode object = NODES.objectNode();
                    for (Field field : schema.fields()) {
                        object.set(field.name(), convertToJson(field.schema(), struct.getWithoutDefault(field.name())));
                    }
                    return object;
                }
                default:
                    throw new DataException("Couldn't convert " + value + " to JSON.");
            }
        } catch (ClassCastException e) {
            String schemaType = schema != null ? schema.type().toString() : "unknown schema";
            throw new DataException("Invalid type for " + schemaType + ": " + value.getClass(), e);
        }
    }

    private JsonNode mapToJson(Schema schema, Map<?, ?> map) {
        boolean objectMode;
        if (schema == null) {
            objectMode = map.keySet().stream().allMatch(k -> k instanceof String);
        } else {
            objectMode = schema.keySchema().type() == Schema.Type.STRING;
        }
        Schema keySchema = schema == null ? null : schema.keySchema();
        Schema valueSchema = schema == null ? null : schema.valueSchema();
        ObjectNode object = objectMode ? NODES.objectNode() : null;
        ArrayNode list = objectMode ? null : NODES.arrayNode();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            JsonNode key = convertToJson(keySchema, e.getKey());
            JsonNode value = convertToJson(valueSchema, e.getValue());
            if (objectMode) {
                object.set(key.asText(), value);
            } else {
                list.add(NODES.arrayNode().add(key).add(value));
            }
        }
        return objectMode ? object : list;
    }

    private JsonNode logicalToJson(Schema schema, Object value) {
        switch (schema.name()) {
            case Decimal.LOGICAL_NAME:
                if (!(value instanceof BigDecimal decimal)) {
                    throw new DataException("Invalid type for Decimal, expected BigDecimal but was " + value.getClass());
                }
                return config.decimalFormat() == DecimalFormat.NUMERIC ? NODES.numberNode(decimal)
                        : NODES.binaryNode(Decimal.fromLogical(schema, decimal));
            case Date.LOGICAL_NAME:
                return NODES.numberNode(Date.fromLogical(schema, asDate(value, "Date")));
            case Time.LOGICAL_NAME:
                return NODES.numberNode(Time.fromLogical(schema, asDate(value, "Time")));
            case Timestamp.LOGICAL_NAME:
                return NODES.numberNode(Timestamp.fromLogical(schema, asDate(value, "Timestamp")));
            default:
                return null;
        }
    }

    private static java.util.Date asDate(Object value, String logical) {
        if (!(value instanceof java.util.Date date)) {
            throw new DataException("Invalid type for " + logical + ", expected Date but was " + value.getClass());
        }
        return date;
    }

    private Object convertToConnect(Schema schema, JsonNode json) {
        Schema.Type type;
        if (schema != null) {
            type = schema.type();
            if (json == null || json.isNull()) {
                if (schema.defaultValue() != null && config.replaceNullWithDefault()) {
                    return schema.defaultValue();
                }
                if (schema.isOptional()) {
                    return null;
                }
                throw new DataException("Invalid null value for required " + type + " field");
            }
        } else {
            if (json == null) {
                return null;
            }
            switch (json.getNodeType()) {
                case NULL:
                case MISSING:
                    return null;
                case BOOLEAN:
                    type = Schema.Type.BOOLEAN;
                    break;
                case NUMBER:
                    type = json.isIntegralNumber() ? Schema.Type.INT64 : Schema.Type.FLOAT64;
                    break;
                case ARRAY:
                    type = Schema.Type.ARRAY;
                    break;
                case OBJECT:
                    type = Schema.Type.MAP;
                    break;
                case STRING:
                    type = Schema.Type.STRING;
                    break;
                default:
                    throw new DataException("Unknown schema type: " + json.getNodeType());
            }
        }
        if (schema != null && schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    return decimalToConnect(schema, json);
                case Date.LOGICAL_NAME:
                    if (!json.isInt()) {
                        throw new DataException("Invalid type for Date, underlying representation should be integer "
                                + "but was " + json.getNodeType());
                    }
                    return Date.toLogical(schema, json.intValue());
                case Time.LOGICAL_NAME:
                    if (!json.isInt()) {
                        throw new DataException("Invalid type for Time, underlying representation should be integer "
                                + "but was " + json.getNodeType());
                    }
                    return Time.toLogical(schema, json.intValue());
                case Timestamp.LOGICAL_NAME:
                    if (!json.isIntegralNumber()) {
                        throw new DataException("Invalid type for Timestamp, underlying representation should be "
                                + "integral but was " + json.getNodeType());
                    }
                    return Timestamp.toLogical(schema, json.longValue());
                default:
                    break;
            }
        }
        switch (type) {
            case BOOLEAN:
                return json.booleanValue();
            case INT8:
                return (byte) json.intValue();
            case INT16:
                return (short) json.intValue();
            case INT32:
                return json.intValue();
            case INT64:
                return json.longValue();
            case FLOAT32:
                return json.floatValue();
            case FLOAT64:
                return json.doubleValue();
            case STRING:
                return json.textValue();
            case BYTES:
                try {
                    return json.binaryValue();
                } catch (IOException e) {
                    throw new DataException("Invalid bytes field", e);
                }
            case ARRAY: {
                Schema elementSchema = schema == null ? null : schema.valueSchema();
                List<Object> result = new ArrayList<>();
                for (JsonNode element : json) {
                    result.add(convertToConnect(elementSchema, element));
                }
                return result;
            }
            case MAP:
                return mapToConnect(schema, json);
            case STRUCT: {
                if (!json.isObject()) {
                    throw new DataException("Structs should be encoded as JSON objects, but found "
                            + json.getNodeType());
                }
                Struct result = new Struct(schema.schema());
                for (Field field : schema.fields()) {
                    result.put(field, convertToConnect(field.schema(), json.get(field.name())));
                }
                return result;
            }
            default:
                throw new DataException("Unknown schema type: " + type);
        }
    }

    private Object mapToConnect(Schema schema, JsonNode json) {
        Schema keySchema = schema == null ? null : schema.keySchema();
        Schema valueSchema = schema == null ? null : schema.valueSchema();
        Map<Object, Object> result = new HashMap<>();
        if (schema == null || keySchema.type() == Schema.Type.STRING) {
            if (!json.isObject()) {
                throw new DataException("Maps with string fields should be encoded as JSON objects, but found "
                        + json.getNodeType());
            }
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                result.put(e.getKey(), convertToConnect(valueSchema, e.getValue()));
            }
        } else {
            if (!json.isArray()) {
                throw new DataException("Maps with non-string fields should be encoded as JSON array of tuples, but "
                        + "found " + json.getNodeType());
            }
            for (JsonNode entry : json) {
                if (!entry.isArray()) {
                    throw new DataException("Found invalid map entry instead of array tuple: " + entry.getNodeType());
                }
                if (entry.size() != 2) {
                    throw new DataException("Found invalid map entry, expected length 2 but found :" + entry.size());
                }
                result.put(convertToConnect(keySchema, entry.get(0)), convertToConnect(valueSchema, entry.get(1)));
            }
        }
        return result;
    }

    private static Object decimalToConnect(Schema schema, JsonNode json) {
        if (json.isNumber()) {
            return json.decimalValue();
        }
        if (json.isBinary() || json.isTextual()) {
            try {
                return Decimal.toLogical(schema, json.binaryValue());
            } catch (IOException | RuntimeException e) {
                throw new DataException("Invalid bytes for Decimal field", e);
            }
        }
        throw new DataException("Invalid type for Decimal, underlying representation should be numeric or bytes but "
                + "was " + json.getNodeType());
    }
}
