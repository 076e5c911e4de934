package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.SchemaUtil;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters and renames fields of the key or value, as Kafka Connect's {@code ReplaceField}: {@code exclude} drops
 * fields, {@code include} (when not empty) keeps only the listed ones, and {@code renames} ({@code old:new,...})
 * renames the kept ones. Include and exclude name the original fields. A null key or value passes unchanged.
 *
 * @param <R> the record type
 */
public abstract class ReplaceField<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final String PURPOSE = "field replacement";

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("exclude", ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.MEDIUM,
                    "Fields to exclude. This takes precedence over the fields to include.")
            .define("include", ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.MEDIUM,
                    "Fields to include. If specified, only these fields will be used.")
            .define("renames", ConfigDef.Type.LIST, List.of(), TransformConfig.colonPairs(),
                    ConfigDef.Importance.MEDIUM, "Field rename mappings."));

    private Set<String> exclude;
    private Set<String> include;
    private Map<String, String> renames;
    private Map<String, String> reverseRenames;
    private final SchemaCache schemaCache = new SchemaCache();

    ReplaceField(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        exclude = new HashSet<>(config.getList("exclude"));
        include = new HashSet<>(config.getList("include"));
        renames = new HashMap<>();
        reverseRenames = new HashMap<>();
        for (String mapping : config.getList("renames")) {
            String[] parts = mapping.split(":");
            renames.put(parts[0], parts[1]);
            reverseRenames.put(parts[1], parts[0]);
        }
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    private boolean filter(String fieldName) {
        return !exclude.contains(fieldName) && (include.isEmpty() || include.contains(fieldName));
    }

    private String renamed(String fieldName) {
        return renames.getOrDefault(fieldName, fieldName);
    }

    private String reverseRenamed(String fieldName) {
        return reverseRenames.getOrDefault(fieldName, fieldName);
    }

    @Override
    public R apply(R record) {
        if (operatingValue(record) == null) {
            return record;
        }
        if (operatingSchema(record) == null) {
            Map<String, Object> value = Requirements.requireMap(operatingValue(record), PURPOSE);
            Map<String, Object> updated = new HashMap<>(value.size());
            value.forEach((k, v) -> {
                if (filter(k)) {
                    updated.put(renamed(k), v);
                }
            });
            return newRecord(record, null, updated);
        }
        Struct value = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Schema schema = schemaCache.get(value.schema(), this::updatedSchema);
        Struct updated = new Struct(schema);
        for (Field field : schema.fields()) {
            updated.put(field.name(), fieldValue(value, reverseRenamed(field.name())));
        }
        return newRecord(record, schema, updated);
    }

    private Schema updatedSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            if (filter(field.name())) {
                builder.field(renamed(field.name()), field.schema());
            }
        }
        return builder.build();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Works on the key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends ReplaceField<R> {
        /** Creates the transformation. */
        public Key() {
            super(true);
        }
    }

    /**
     * Works on the value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends ReplaceField<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
