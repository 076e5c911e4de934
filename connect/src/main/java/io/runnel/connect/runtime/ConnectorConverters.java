package io.runnel.connect.runtime;

import io.runnel.common.config.ConfigException;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.storage.Converter;
import io.runnel.connect.storage.HeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key, value and header converters of one task, resolved from the worker's and the connector's
 * configuration as Kafka Connect resolves them.
 *
 * <p>For each of {@code key.converter}, {@code value.converter} and {@code header.converter}: when the connector
 * sets the class, the converter is that class configured with the connector's settings under the same prefix
 * ({@code key.converter.schemas.enable}); otherwise it is the worker's class configured with the worker's
 * prefixed settings. A connector's prefixed settings without its own class are ignored, as in Kafka; Runnel logs
 * a warning for them because it is a common mistake. Key and value converters are configured with {@code
 * isKey} set accordingly; the header converter gets {@code converter.type=header}.
 *
 * @param key    the key converter
 * @param value  the value converter
 * @param header the header converter
 */
public record ConnectorConverters(Converter key, Converter value, HeaderConverter header) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectorConverters.class);

    /**
     * Creates and configures a task's converters.
     *
     * @param plugins   resolves converter classes and aliases
     * @param worker    the worker's configuration
     * @param connector the connector's configuration
     * @return the configured converters; the caller closes them
     * @throws ConfigException naming the setting when a converter cannot be found or rejects its settings
     */
    public static ConnectorConverters create(Plugins plugins, WorkerConfig worker, ConnectorConfig connector) {
        Converter key = null;
        Converter value = null;
        try {
            key = converter(plugins, worker, connector, ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, true);
            value = converter(plugins, worker, connector, ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG, false);
            Resolved header = resolve(worker, connector, ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG);
            HeaderConverter headerConverter;
            try {
                headerConverter = plugins.newHeaderConverter(header.className(), header.configs());
            } catch (ConnectException | ConfigException e) {
                throw problem(header, e);
            }
            return new ConnectorConverters(key, value, headerConverter);
        } catch (RuntimeException e) {
            if (key != null) {
                key.close();
            }
            if (value != null) {
                value.close();
            }
            throw e;
        }
    }

    private static Converter converter(Plugins plugins, WorkerConfig worker, ConnectorConfig connector, String key,
                                       boolean isKey) {
        Resolved resolved = resolve(worker, connector, key);
        try {
            return plugins.newConverter(resolved.className(), resolved.configs(), isKey);
        } catch (ConnectException | ConfigException e) {
            throw problem(resolved, e);
        }
    }

    private static ConfigException problem(Resolved resolved, RuntimeException e) {
        return new ConfigException("Invalid " + resolved.setting() + " (from the " + resolved.level()
                + " configuration): " + e.getMessage());
    }

    /**
     * Which class and settings a converter setting resolves to.
     *
     * @param setting   the setting ({@code key.converter}...)
     * @param level     {@code connector} or {@code worker}
     * @param className the class name or alias
     * @param configs   its settings, prefix removed
     */
    public record Resolved(String setting, String level, String className, Map<String, Object> configs) {
    }

    /**
     * Resolves one converter setting without instantiating anything.
     *
     * @param worker    the worker's configuration
     * @param connector the connector's configuration
     * @param setting   {@code key.converter}, {@code value.converter} or {@code header.converter}
     * @return the class and settings to use
     */
    public static Resolved resolve(WorkerConfig worker, ConnectorConfig connector, String setting) {
        String prefix = setting + ".";
        Object connectorClass = connector.originals().get(setting);
        if (connectorClass != null && !String.valueOf(connectorClass).isBlank()) {
            return new Resolved(setting, "connector", String.valueOf(connectorClass).trim(),
                    new LinkedHashMap<>(connector.originalsWithPrefix(prefix)));
        }
        Map<String, Object> ignored = connector.originalsWithPrefix(prefix);
        if (!ignored.isEmpty()) {
            log.warn("Connector {} sets {} but not {}: those settings are ignored and the worker's {} is used with the "
                    + "worker's settings; set {} in the connector to apply them", connector.name(),
                    ignored.keySet().stream().map(k -> prefix + k).toList(), setting, setting, setting);
        }
        return new Resolved(setting, "worker", worker.getString(setting),
                new LinkedHashMap<>(worker.originalsWithPrefix(prefix)));
    }

    /** Closes the three converters. */
    @Override
    public void close() {
        key.close();
        value.close();
        header.close();
    }
}
