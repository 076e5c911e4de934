package io.runnel.connect.storage;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The settings of {@link StringConverter}: {@value #ENCODING_CONFIG} (default UTF-8) besides the type. */
public class StringConverterConfig extends ConverterConfig {

    /** The character set of the bytes. */
    public static final String ENCODING_CONFIG = "converter.encoding";
    /** UTF-8. */
    public static final String ENCODING_DEFAULT = StandardCharsets.UTF_8.name();

    private static final ConfigDef CONFIG = newConfigDef().define(ENCODING_CONFIG, ConfigDef.Type.STRING,
            ENCODING_DEFAULT, (name, value) -> {
                try {
                    Charset.forName((String) value);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, "not a character set this JVM supports");
                }
            }, ConfigDef.Importance.HIGH, "The name of the Java character set used to encode strings.");

    /** @return the definition */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    /** @param props the settings */
    public StringConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }

    /** @return the character set */
    public Charset encoding() {
        return Charset.forName(getString(ENCODING_CONFIG));
    }
}
