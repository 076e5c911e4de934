package io.runnel.connect.json;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.storage.ConverterConfig;

import java.util.Locale;
import java.util.Map;

/**
 * The settings of {@link JsonConverter}, with Kafka Connect's names and defaults: {@value #SCHEMAS_ENABLE_CONFIG}
 * (true), {@value #SCHEMAS_CACHE_SIZE_CONFIG} (1000), {@value #DECIMAL_FORMAT_CONFIG} (BASE64) and {@value
 * #REPLACE_NULL_WITH_DEFAULT_CONFIG} (true), besides {@code converter.type}. Immutable.
 */
public final class JsonConverterConfig extends ConverterConfig {

    /** Whether to write and expect the {@code {"schema":...,"payload":...}} envelope. */
    public static final String SCHEMAS_ENABLE_CONFIG = "schemas.enable";
    /** How many schemas to cache in each direction. */
    public static final String SCHEMAS_CACHE_SIZE_CONFIG = "schemas.cache.size";
    /** BASE64 or NUMERIC. */
    public static final String DECIMAL_FORMAT_CONFIG = "decimal.format";
    /** Whether a null in a field with a default is written (and read) as the default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final ConfigDef CONFIG = ConverterConfig.newConfigDef()
            .define(SCHEMAS_ENABLE_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.HIGH,
                    "Include schemas within each of the serialized values and keys.")
            .define(SCHEMAS_CACHE_SIZE_CONFIG, ConfigDef.Type.INT, 1000, ConfigDef.Range.atLeast(0),
                    ConfigDef.Importance.HIGH, "The maximum number of schemas that can be cached in this converter.")
            .define(DECIMAL_FORMAT_CONFIG, ConfigDef.Type.STRING, DecimalFormat.BASE64.name(),
                    ConfigDef.ValidString.inIgnoreCase("BASE64", "NUMERIC"), ConfigDef.Importance.LOW,
                    "How to write decimals: BASE64 (base64 bytes) or NUMERIC (a JSON number).")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.LOW,
                    "Whether to replace fields that have a default value and that are null to the default value.");

    /** @return the definition */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    /**
     * @param props the settings (including {@code converter.type})
     * @throws io.runnel.common.config.ConfigException naming every invalid setting
     */
    public JsonConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }

    /** @return whether the schema envelope is used */
    public boolean schemasEnabled() {
        return getBoolean(SCHEMAS_ENABLE_CONFIG);
    }

    /** @return the schema cache size per direction */
    public int schemaCacheSize() {
        return getInt(SCHEMAS_CACHE_SIZE_CONFIG);
    }

    /** @return how decimals are written */
    public DecimalFormat decimalFormat() {
        return DecimalFormat.valueOf(getString(DECIMAL_FORMAT_CONFIG).toUpperCase(Locale.ROOT));
    }

    /** @return whether nulls are replaced by defaults */
    public boolean replaceNullWithDefault() {
        return getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }
}
