package io.runnel.connect.runtime;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.sink.SinkTask;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A sink connector's configuration, as Kafka Connect's {@code SinkConnectorConfig}: {@link ConnectorConfig}'s
 * settings plus {@value SinkTask#TOPICS_CONFIG} or {@value SinkTask#TOPICS_REGEX_CONFIG} (exactly one of them),
 * with the dead-letter queue topic neither listed nor matched (a sink consuming its own dead letters would loop).
 * Immutable.
 */
public class SinkConnectorConfig extends ConnectorConfig {

    /** @return the definition of a sink connector's settings */
    public static ConfigDef configDef() {
        return new ConfigDef(ConnectorConfig.configDef())
                .define(SinkTask.TOPICS_CONFIG, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.HIGH,
                        "List of topics to consume, separated by commas")
                .define(SinkTask.TOPICS_REGEX_CONFIG, ConfigDef.Type.STRING, "", (name, value) -> {
                    try {
                        Pattern.compile((String) value);
                    } catch (PatternSyntaxException e) {
                        throw new io.runnel.common.config.ConfigException(name, value, "Invalid regex: "
                                + e.getDescription());
                    }
                }, ConfigDef.Importance.HIGH, "Regular expression giving topics to consume. Under the hood, the regex "
                        + "is compiled to a java.util.regex.Pattern. Only one of topics or topics.regex should be "
                        + "specified.");
    }

    /**
     * @param plugins resolves plugin classes
     * @param props   the configuration
     * @throws io.runnel.common.config.ConfigException naming every problem
     */
    public SinkConnectorConfig(Plugins plugins, Map<String, String> props) {
        super(plugins, configDef(), SinkConnectorConfig::check, props);
    }

    @SuppressWarnings("unchecked") // LIST settings parse to List<String>
    private static void check(Map<String, Object> values, Map<String, String> props, List<String> problems) {
        List<String> topics = (List<String>) values.getOrDefault(SinkTask.TOPICS_CONFIG, List.of());
        String regex = (String) values.getOrDefault(SinkTask.TOPICS_REGEX_CONFIG, "");
        boolean hasTopics = !topics.isEmpty();
        boolean hasRegex = !regex.isEmpty();
        if (hasTopics && hasRegex) {
            problems.add(SinkTask.TOPICS_CONFIG + " and " + SinkTask.TOPICS_REGEX_CONFIG + " are mutually exclusive "
                    + "options, but both are set.");
        } else if (!hasTopics && !hasRegex) {
            problems.add("Must configure one of " + SinkTask.TOPICS_CONFIG + " or " + SinkTask.TOPICS_REGEX_CONFIG);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String topic : topics) {
            if (topic.isEmpty()) {
                problems.add(SinkTask.TOPICS_CONFIG + " contains an empty topic name");
            } else if (!seen.add(topic)) {
                duplicates.add(topic);
            }
        }
        if (!duplicates.isEmpty()) {
            problems.add("The 'topics' list contains duplicate topics: " + String.join(",", duplicates));
        }
        String dlq = ((String) values.getOrDefault(DLQ_TOPIC_NAME_CONFIG, "")).trim();
        if (!dlq.isEmpty()) {
            if (topics.contains(dlq)) {
                problems.add("The DLQ topic '" + dlq + "' may not be included in the list of topics ('"
                        + SinkTask.TOPICS_CONFIG + "=" + String.join(",", topics) + "') consumed by the connector");
            }
            if (hasRegex) {
                try {
                    if (Pattern.compile(regex).matcher(dlq).matches()) {
                        problems.add("The DLQ topic '" + dlq + "' may not be included in the regex matching topics ('"
                                + SinkTask.TOPICS_REGEX_CONFIG + "=" + regex + "') consumed by the connector");
                    }
                } catch (PatternSyntaxException e) {
                    // Reported by the field's validator.
                }
            }
        }
    }

    /** @return the topics to consume (empty when a regex is used) */
    public List<String> topics() {
        return getList(SinkTask.TOPICS_CONFIG);
    }

    /** @return the regex of topics to consume, or null when topics are listed */
    public Pattern topicsRegex() {
        String regex = getString(SinkTask.TOPICS_REGEX_CONFIG);
        return regex.isEmpty() ? null : Pattern.compile(regex);
    }
}
