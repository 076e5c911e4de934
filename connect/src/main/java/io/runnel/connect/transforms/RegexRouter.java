package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the topic when the whole topic name matches {@code regex}, replacing it with {@code replacement} (which
 * may refer to groups as {@code $1}), as Kafka Connect's {@code RegexRouter}. Records whose topic does not match
 * pass unchanged.
 *
 * @param <R> the record type
 */
public class RegexRouter<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("regex", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, TransformConfig.regex(),
                    ConfigDef.Importance.HIGH, "Regular expression to use for matching.")
            .define("replacement", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
                    "Replacement string.");

    private Pattern regex;
    private String replacement;

    /** Creates the transformation. */
    public RegexRouter() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        regex = Pattern.compile(config.getString("regex"));
        replacement = config.getString("replacement");
    }

    @Override
    public R apply(R record) {
        Matcher matcher = regex.matcher(record.topic());
        if (!matcher.matches()) {
            return record;
        }
        String topic = matcher.replaceFirst(replacement);
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }
}
