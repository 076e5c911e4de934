package io.runnel.connect.storage;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;

import java.util.Map;

/**
 * The settings every converter shares: {@value #TYPE_CONFIG}, which the runtime sets to {@code key}, {@code
 * value} or {@code header}. Converters extend this with their own settings.
 */
public abstract class ConverterConfig extends AbstractConfig {

    /** Whether the converter handles keys, values or headers. */
    public static final String TYPE_CONFIG = "converter.type";
    private static final String TYPE_DOC = "How this converter will be used: key, value or header.";

    /** @return a definition holding {@value #TYPE_CONFIG}, to which subclasses add their settings */
    public static ConfigDef newConfigDef() {
        return new ConfigDef().define(TYPE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                ConfigDef.ValidString.in("key", "value", "header"), ConfigDef.Importance.LOW, TYPE_DOC);
    }

    /**
     * @param configDef the converter's definition (built from {@link #newConfigDef()})
     * @param props     the settings
     * @throws io.runnel.common.config.ConfigException naming every invalid setting
     */
    protected ConverterConfig(ConfigDef configDef, Map<String, ?> props) {
        super(configDef, props);
    }

    /** @return what the converter handles */
    public ConverterType type() {
        return ConverterType.withName(getString(TYPE_CONFIG));
    }
}
