package io.runnel.connect.transforms.predicates;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.Map;

/**
 * True for records with at least one header named {@code name}, as Kafka Connect's {@code HasHeaderKey}.
 *
 * @param <R> the record type
 */
public class HasHeaderKey<R extends ConnectRecord<R>> implements Predicate<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("name", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.MEDIUM, "The header name.");

    private String name;

    /** Creates the predicate. */
    public HasHeaderKey() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        name = new TransformConfig(CONFIG_DEF, configs).getString("name");
    }

    @Override
    public boolean test(R record) {
        return record.headers().allWithName(name).hasNext();
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "HasHeaderKey{name='" + name + "'}";
    }
}
