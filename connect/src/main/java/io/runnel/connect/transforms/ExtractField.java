package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces the key or value with one of its fields, as Kafka Connect's {@code ExtractField}: {@code field} names
 * it; with {@code field.syntax.version=V2} (KIP-821) it may be a dotted path into nested structs or maps, with
 * backticks around names that contain dots ({@code `a.b`.c}) and a backslash before a backtick inside them. A
 * struct field that does not exist is a {@link DataException}; a missing map entry or a null gives null.
 *
 * @param <R> the record type
 */
public abstract class ExtractField<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final String PURPOSE = "field extraction";

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("field", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
                    "Field name to extract.")
            .define("field.syntax.version", ConfigDef.Type.STRING, "V1", ConfigDef.ValidString.inIgnoreCase("V1", "V2"),
                    ConfigDef.Importance.HIGH, "Defines the version of the syntax to access fields. If set to `V1`, "
                            + "then the field paths are limited to access the elements at the root level of the "
                            + "struct or map. If set to `V2`, the syntax will support accessing nested elements."));

    private String originalPath;
    private List<String> path;

    ExtractField(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        originalPath = config.getString("field");
        boolean v2 = config.getString("field.syntax.version").toUpperCase(Locale.ROOT).equals("V2");
        path = v2 ? parsePath(originalPath) : List.of(originalPath);
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    /** Splits a V2 path on dots outside backticks; a backslash escapes a backtick inside them. */
    static List<String> parsePath(String text) {
        List<String> steps = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (true) {
            StringBuilder step = new StringBuilder();
            int close = i < n && text.charAt(i) == '`' ? findClosingBacktick(text, i + 1) : -1;
            if (close > 0 && (close + 1 == n || text.charAt(close + 1) == '.')) {
                step.append(text.substring(i + 1, close).replace("\\`", "`"));
                i = close + 1;
            } else {
                while (i < n && text.charAt(i) != '.') {
                    step.append(text.charAt(i++));
                }
            }
            steps.add(step.toString());
            if (i >= n) {
                return steps;
            }
            i++;
            if (i == n) {
                steps.add("");
                return steps;
            }
        }
    }

    private static int findClosingBacktick(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '`') {
                i++;
            } else if (text.charAt(i) == '`') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        if (schema == null) {
            Object current = Requirements.requireMapOrNull(operatingValue(record), PURPOSE);
            for (String step : path) {
                if (!(current instanceof Map<?, ?> map)) {
                    current = null;
                    break;
                }
                current = map.get(step);
            }
            return newRecord(record, null, current);
        }
        Struct struct = Requirements.requireStructOrNull(operatingValue(record), PURPOSE);
        Schema currentSchema = schema;
        Object current = struct;
        for (String step : path) {
            Field field = currentSchema.type() == Schema.Type.STRUCT ? currentSchema.field(step) : null;
            if (field == null) {
                throw new DataException("Unknown field: " + originalPath);
            }
            currentSchema = field.schema();
            current = current instanceof Struct s ? fieldValue(s, field) : null;
        }
        return newRecord(record, currentSchema, current);
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
    public static class Key<R extends ConnectRecord<R>> extends ExtractField<R> {
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
    public static class Value<R extends ConnectRecord<R>> extends ExtractField<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
