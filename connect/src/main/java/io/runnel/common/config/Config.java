package io.runnel.common.config;

import java.util.List;

/**
 * The result of validating a whole configuration, one {@link ConfigValue} per setting, as Kafka's
 * {@code org.apache.kafka.common.config.Config}: what {@code Connector.validate} returns and Kafka Connect's
 * validate endpoint renders.
 *
 * <p>This class lives in the connect module (the package is split across jars, as the architecture allows)
 * because only Connect uses it. Immutable list; the values themselves are mutable {@link ConfigValue}s.
 */
public final class Config {

    private final List<ConfigValue> configValues;

    /** @param configValues one result per setting */
    public Config(List<ConfigValue> configValues) {
        this.configValues = List.copyOf(configValues);
    }

    /** @return one result per setting, in definition order */
    public List<ConfigValue> configValues() {
        return configValues;
    }

    @Override
    public String toString() {
        return "Config" + configValues;
    }
}
