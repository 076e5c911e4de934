package io.runnel.connect.connector;

import io.runnel.common.config.Config;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigValue;
import io.runnel.connect.components.Versioned;
import io.runnel.connect.errors.ConnectException;

import java.util.List;
import java.util.Map;

/**
 * A connector: the plugin that knows a system outside the log and splits copying data to or from it into task
 * configurations, as Kafka Connect's {@code Connector}. Subclass {@link io.runnel.connect.source.SourceConnector}
 * or {@link io.runnel.connect.sink.SinkConnector}, not this class.
 *
 * <p>Lifecycle, driven by the runtime on one thread: no-argument constructor, {@link #initialize}, {@link
 * #start(Map)}, then {@link #taskConfigs(int)} whenever tasks are (re)created, and finally {@link #stop()}.
 * {@link #config()} and {@link #validate(Map)} may be called on a fresh instance that is never started.
 */
public abstract class Connector implements Versioned {

    /** The context given by {@link #initialize}; null before. */
    protected ConnectorContext context;

    /** Creates the connector; the runtime uses the public no-argument constructor. */
    protected Connector() {
    }

    /**
     * @param ctx the runtime's context for this connector
     */
    public void initialize(ConnectorContext ctx) {
        this.context = ctx;
    }

    /**
     * Initializes a connector that already has task configurations (a restart); the default ignores them.
     *
     * @param ctx         the runtime's context
     * @param taskConfigs the task configurations in effect
     */
    public void initialize(ConnectorContext ctx, List<Map<String, String>> taskConfigs) {
        this.context = ctx;
    }

    /** @return the context given by {@link #initialize}, or null before */
    protected ConnectorContext context() {
        return context;
    }

    /**
     * Starts the connector with its configuration (already validated against {@link #config()}).
     *
     * @param props the connector's configuration, with the framework's settings ({@code name}, {@code
     *              connector.class}, ...) included
     */
    public abstract void start(Map<String, String> props);

    /**
     * Applies a new configuration; the default stops and starts the connector.
     *
     * @param props the new configuration
     */
    public void reconfigure(Map<String, String> props) {
        stop();
        start(props);
    }

    /** @return the task class this connector's tasks are instances of */
    public abstract Class<? extends Task> taskClass();

    /**
     * @param maxTasks the most task configurations to return ({@code tasks.max}), at least 1
     * @return one configuration per task; may be fewer than {@code maxTasks}
     */
    public abstract List<Map<String, String>> taskConfigs(int maxTasks);

    /** Stops the connector and releases its resources; called once, on the thread that started it. */
    public abstract void stop();

    /**
     * Validates a configuration setting by setting without throwing (Kafka Connect's validate endpoint). The
     * default checks it against {@link #config()}; override to add cross-setting checks.
     *
     * @param connectorConfigs the configuration as strings
     * @return the result for every setting this connector defines
     * @throws ConnectException if {@link #config()} returns null
     */
    public Config validate(Map<String, String> connectorConfigs) {
        ConfigDef def = config();
        if (def == null) {
            throw new ConnectException(getClass().getName() + ".config() must return a ConfigDef that is not null.");
        }
        List<ConfigValue> values = def.validate(connectorConfigs);
        return new Config(values);
    }

    /** @return the definition of this connector's own settings, never null */
    public abstract ConfigDef config();
}
