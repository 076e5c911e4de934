package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the key with a struct (or map, without a schema) of the listed {@code fields} of the value, as Kafka
 * Connect's {@code ValueToKey}. A field missing from the value's schema is a {@link DataException}.
 *
 * @param <R> the record type
 */
public class ValueToKey<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final String PURPOSE = "copying fields from value to key";

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("fields", ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, TransformConfig.nonEmptyList(),
                    ConfigDef.Importance.HIGH, "Field names on the record value to extract as the record key."));

    private List<String> fields;
    private boolean replaceNullWithDefault;
    private final SchemaCache schemaCache = new SchemaCache();

    /** Creates the transformation. */
    public ValueToKey() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        fields = config.getList("fields");
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        if (record.valueSchema() == null) {
            Map<String, Object> value = Requirements.requireMap(record.value(), PURPOSE);
            Map<String, Object> key = new HashMap<>();
            for (String field : fields) {
                key.put(field, value.get(field));
            }
            return record.newRecord(record.topic(), record.kafkaPartition(), null, key, record.valueSchema(),
                    record.value(), record.timestamp());
        }
        Struct value = Requirements.requireStruct(record.value(), PURPOSE);
        Schema keySchema = schemaCache.get(value.schema(), s -> {
            SchemaBuilder builder = SchemaBuilder.struct();
            for (String field : fields) {
                Field f = s.field(field);
                if (f == null) {
                    throw new DataException("Field does not exist: " + field);
                }
                builder.field(field, f.schema());
            }
            return builder.build();
        });
        Struct key = new Struct(keySchema);
        for (String field : fields) {
            key.put(field, replaceNullWithDefault ? value.get(field) : value.getWithoutDefault(field));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key, value.schema(), value,
                record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }
}
