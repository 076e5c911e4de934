package io.runnel.connect.runtime;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.runtime.isolation.Plugins;

import java.util.List;
import java.util.Map;

/**
 * A source connector's configuration, as Kafka Connect's {@code SourceConnectorConfig}: {@link ConnectorConfig}'s
 * settings (the dead-letter queue included, beyond Kafka, for records whose conversion or transformation fails).
 * Kafka's exactly-once and per-connector offsets-topic settings are rejected with a message until Runnel has
 * transactions and distributed mode; {@code topic.creation.*} settings are rejected until the worker creates
 * topics. Immutable.
 */
public class SourceConnectorConfig extends ConnectorConfig {

    /** @return the definition of a source connector's settings */
    public static ConfigDef configDef() {
        return new ConfigDef(ConnectorConfig.configDef())
                .defineUnsupported("exactly.once.support", "exactly-once source delivery needs transactions, which "
                        + "Runnel does not have yet; remove the setting (delivery is at-least-once)")
                .defineUnsupported("transaction.boundary", "exactly-once source delivery needs transactions, which "
                        + "Runnel does not have yet; remove the setting")
                .defineUnsupported("transaction.boundary.interval.ms", "exactly-once source delivery needs "
                        + "transactions, which Runnel does not have yet; remove the setting")
                .defineUnsupported("offsets.storage.topic", "per-connector offsets topics come with distributed "
                        + "mode; the standalone worker keeps offsets in offset.storage.file.filename");
    }

    /**
     * @param plugins resolves plugin classes
     * @param props   the configuration
     * @throws io.runnel.common.config.ConfigException naming every problem
     */
    public SourceConnectorConfig(Plugins plugins, Map<String, String> props) {
        super(plugins, configDef(), SourceConnectorConfig::check, props);
    }

    private static void check(Map<String, Object> values, Map<String, String> props, List<String> problems) {
        for (String key : props.keySet()) {
            if (key.startsWith("topic.creation.")) {
                problems.add(key + " is not supported by Runnel yet: the worker does not create topics for source "
                        + "connectors; create them beforehand (for example with 'runnel topics --create')");
            }
        }
    }
}
