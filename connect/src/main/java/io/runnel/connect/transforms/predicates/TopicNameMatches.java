package io.runnel.connect.transforms.predicates;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * True for records whose topic matches the whole regular expression {@code pattern}, as Kafka Connect's {@code
 * TopicNameMatches}.
 *
 * @param <R> the record type
 */
public class TopicNameMatches<R extends ConnectRecord<R>> implements Predicate<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("pattern", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.allOf(new ConfigDef.NonEmptyString(), TransformConfig.regex()),
                    ConfigDef.Importance.MEDIUM, "A Java regular expression for matching against the name of a "
                            + "record's topic.");

    private Pattern pattern;

    /** Creates the predicate. */
    public TopicNameMatches() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        pattern = Pattern.compile(new TransformConfig(CONFIG_DEF, configs).getString("pattern"));
    }

    @Override
    public boolean test(R record) {
        return record.topic() != null && pattern.matcher(record.topic()).matches();
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "TopicNameMatches{pattern=" + pattern + "}";
    }
}
