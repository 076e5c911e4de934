package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.header.Headers;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.SchemaUtil;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies or moves ({@code operation}) fields of the key or value into headers, as Kafka Connect's {@code
 * HeaderFrom}: the i-th name in {@code fields} goes to a header named by the i-th name in {@code headers} (the
 * lists must have the same length), with the field's schema. {@code move} also removes the fields.
 *
 * @param <R> the record type
 */
public abstract class HeaderFrom<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("fields", ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, TransformConfig.nonEmptyList(),
                    ConfigDef.Importance.HIGH, "Field names in the record whose values are to be copied or moved to "
                            + "headers.")
            .define("headers", ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, TransformConfig.nonEmptyList(),
                    ConfigDef.Importance.HIGH, "Header names, in the same order as the field names listed in the "
                            + "fields configuration property.")
            .define("operation", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidString.in("move", "copy"), ConfigDef.Importance.HIGH,
                    "Either <code>move</code> if the fields are to be moved to the headers (removed from the key/value), "
                            + "or <code>copy</code> if the fields are to be copied to the headers (retained in the "
                            + "key/value)."));

    private List<String> fields;
    private List<String> headers;
    private boolean move;
    private final SchemaCache moveSchemaCache = new SchemaCache();

    HeaderFrom(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        fields = config.getList("fields");
        headers = config.getList("headers");
        move = config.getString("operation").equals("move");
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
        if (fields.size() != headers.size()) {
            config.problem("'fields' config must have the same number of elements as 'headers' config.");
        }
        config.throwProblems();
    }

    @Override
    public R apply(R record) {
        Object value = operatingValue(record);
        Schema schema = operatingSchema(record);
        Headers updatedHeaders = record.headers().duplicate();
        String purpose = "header " + (move ? "move" : "copy");
        if (schema == null) {
            Map<String, Object> map = Requirements.requireMap(value, purpose);
            Map<String, Object> updated = move ? new HashMap<>(map) : map;
            for (int i = 0; i < fields.size(); i++) {
                Object fieldValue = map.get(fields.get(i));
                if (move) {
                    updated.remove(fields.get(i));
                }
                updatedHeaders.add(headers.get(i), fieldValue, null);
            }
            return newRecord(record, null, updated, updatedHeaders);
        }
        Struct struct = Requirements.requireStruct(value, purpose);
        Schema updatedSchema = schema;
        Struct updated = struct;
        if (move) {
            updatedSchema = moveSchemaCache.get(schema, s -> {
                SchemaBuilder builder = SchemaUtil.copySchemaBasics(s, SchemaBuilder.struct());
                for (Field f : s.fields()) {
                    if (!fields.contains(f.name())) {
                        builder.field(f.name(), f.schema());
                    }
                }
                return builder.build();
            });
            updated = new Struct(updatedSchema);
            for (Field f : updatedSchema.fields()) {
                updated.put(f, fieldValue(struct, f.name()));
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            Field field = schema.field(fields.get(i));
            if (field == null) {
                throw new DataException("Field " + fields.get(i) + " does not exist in the " + (isKey() ? "key" : "value")
                        + " schema " + schema + "; it cannot be " + (move ? "moved" : "copied") + " to a header");
            }
            updatedHeaders.add(headers.get(i), fieldValue(struct, field), field.schema());
        }
        return newRecord(record, updatedSchema, updated, updatedHeaders);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Takes fields from the key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends HeaderFrom<R> {
        /** Creates the transformation. */
        public Key() {
            super(true);
        }
    }

    /**
     * Takes fields from the value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends HeaderFrom<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
