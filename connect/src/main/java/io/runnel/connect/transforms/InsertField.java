package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Timestamp;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.SchemaUtil;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Inserts record metadata and a static value as fields of the key ({@code InsertField$Key}) or value ({@code
 * InsertField$Value}), as Kafka Connect's {@code InsertField}: {@code topic.field}, {@code partition.field},
 * {@code offset.field} (sink records only), {@code timestamp.field} (a Timestamp with a schema, epoch ms
 * without) and {@code static.field} with {@code static.value}. A field name ending in {@code !} is required in
 * the new schema, one ending in {@code ?} (or neither) optional. Works on structs (the schema gains the fields)
 * and schemaless maps; a null key or value passes unchanged.
 *
 * @param <R> the record type
 */
public abstract class InsertField<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final String PURPOSE = "field insertion";
    private static final Schema OPTIONAL_TIMESTAMP = Timestamp.builder().optional().build();

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("topic.field", ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for Kafka topic. Suffix with ! to make this a required field, or ? to keep it "
                            + "optional (the default).")
            .define("partition.field", ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for Kafka partition. Suffix with ! or ?.")
            .define("offset.field", ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for Kafka offset - only applicable to sink connectors. Suffix with ! or ?.")
            .define("timestamp.field", ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for record timestamp. Suffix with ! or ?.")
            .define("static.field", ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for static data field. Suffix with ! or ?.")
            .define("static.value", ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Static field value, if field name configured."));

    private record Spec(String name, boolean optional) {
        static Spec parse(String spec) {
            if (spec == null) {
                return null;
            }
            if (spec.endsWith("?")) {
                return new Spec(spec.substring(0, spec.length() - 1), true);
            }
            if (spec.endsWith("!")) {
                return new Spec(spec.substring(0, spec.length() - 1), false);
            }
            return new Spec(spec, true);
        }
    }

    private Spec topicField;
    private Spec partitionField;
    private Spec offsetField;
    private Spec timestampField;
    private Spec staticField;
    private String staticValue;
    private final SchemaCache schemaCache = new SchemaCache();

    InsertField(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        topicField = Spec.parse(config.getString("topic.field"));
        partitionField = Spec.parse(config.getString("partition.field"));
        offsetField = Spec.parse(config.getString("offset.field"));
        timestampField = Spec.parse(config.getString("timestamp.field"));
        staticField = Spec.parse(config.getString("static.field"));
        staticValue = config.getString("static.value");
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        if (operatingValue(record) == null) {
            return record;
        }
        return operatingSchema(record) == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applySchemaless(R record) {
        Map<String, Object> value = Requirements.requireMap(operatingValue(record), PURPOSE);
        Map<String, Object> updated = new HashMap<>(value);
        if (topicField != null) {
            updated.put(topicField.name(), record.topic());
        }
        if (partitionField != null && record.kafkaPartition() != null) {
            updated.put(partitionField.name(), record.kafkaPartition());
        }
        if (offsetField != null) {
            updated.put(offsetField.name(), Requirements.requireSinkRecord(record, PURPOSE).kafkaOffset());
        }
        if (timestampField != null && record.timestamp() != null) {
            updated.put(timestampField.name(), record.timestamp());
        }
        if (staticField != null && staticValue != null) {
            updated.put(staticField.name(), staticValue);
        }
        return newRecord(record, null, updated);
    }

    private R applyWithSchema(R record) {
        Struct value = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Schema schema = schemaCache.get(value.schema(), this::updatedSchema);
        Struct updated = new Struct(schema);
        for (Field field : value.schema().fields()) {
            updated.put(field.name(), fieldValue(value, field));
        }
        if (topicField != null) {
            updated.put(topicField.name(), record.topic());
        }
        if (partitionField != null && record.kafkaPartition() != null) {
            updated.put(partitionField.name(), record.kafkaPartition());
        }
        if (offsetField != null) {
            updated.put(offsetField.name(), Requirements.requireSinkRecord(record, PURPOSE).kafkaOffset());
        }
        if (timestampField != null && record.timestamp() != null) {
            updated.put(timestampField.name(), new java.util.Date(record.timestamp()));
        }
        if (staticField != null && staticValue != null) {
            updated.put(staticField.name(), staticValue);
        }
        return newRecord(record, schema, updated);
    }

    private Schema updatedSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            builder.field(field.name(), field.schema());
        }
        if (topicField != null) {
            builder.field(topicField.name(), topicField.optional() ? Schema.OPTIONAL_STRING_SCHEMA
                    : Schema.STRING_SCHEMA);
        }
        if (partitionField != null) {
            builder.field(partitionField.name(), partitionField.optional() ? Schema.OPTIONAL_INT32_SCHEMA
                    : Schema.INT32_SCHEMA);
        }
        if (offsetField != null) {
            builder.field(offsetField.name(), offsetField.optional() ? Schema.OPTIONAL_INT64_SCHEMA
                    : Schema.INT64_SCHEMA);
        }
        if (timestampField != null) {
            builder.field(timestampField.name(), timestampField.optional() ? OPTIONAL_TIMESTAMP : Timestamp.SCHEMA);
        }
        if (staticField != null) {
            builder.field(staticField.name(), staticField.optional() ? Schema.OPTIONAL_STRING_SCHEMA
                    : Schema.STRING_SCHEMA);
        }
        return builder.build();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Inserts into the key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends InsertField<R> {
        /** Creates the transformation. */
        public Key() {
            super(true);
        }
    }

    /**
     * Inserts into the value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends InsertField<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
