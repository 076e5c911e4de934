package io.runnel.connect.runtime;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.connect.storage.SimpleHeaderConverter;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Connect worker's configuration, with Kafka Connect's names and defaults ({@code
 * org.apache.kafka.connect.runtime.WorkerConfig}): where the log is ({@code bootstrap.servers}), the default
 * converters (with their settings under {@code key.converter.}, {@code value.converter.} and {@code
 * header.converter.}), offset flushing, the REST listeners, {@code plugin.path} and the task shutdown timeout.
 * Converter classes are kept as names (class names or aliases) and resolved through the plugins by {@link
 * ConnectorConverters}, since they may live on {@code plugin.path}.
 *
 * <p>Immutable and thread-safe.
 */
public class WorkerConfig extends AbstractConfig {

    /** Where the log is: {@code host:port} pairs, or {@code file:///dir} for the embedded log. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    /** The default key converter. */
    public static final String KEY_CONVERTER_CLASS_CONFIG = "key.converter";
    /** The default value converter. */
    public static final String VALUE_CONVERTER_CLASS_CONFIG = "value.converter";
    /** The default header converter. */
    public static final String HEADER_CONVERTER_CLASS_CONFIG = "header.converter";
    /** How long a stopping task may take, ms. */
    public static final String TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG = "task.shutdown.graceful.timeout.ms";
    /** How often source offsets are flushed, ms. */
    public static final String OFFSET_COMMIT_INTERVAL_MS_CONFIG = "offset.flush.interval.ms";
    /** How long one offset flush may take, ms. */
    public static final String OFFSET_COMMIT_TIMEOUT_MS_CONFIG = "offset.flush.timeout.ms";
    /** The REST API's listeners. */
    public static final String LISTENERS_CONFIG = "listeners";
    /** The host name other workers and clients should use. */
    public static final String REST_ADVERTISED_HOST_NAME_CONFIG = "rest.advertised.host.name";
    /** The port other workers and clients should use. */
    public static final String REST_ADVERTISED_PORT_CONFIG = "rest.advertised.port";
    /** The listener protocol other workers and clients should use. */
    public static final String REST_ADVERTISED_LISTENER_CONFIG = "rest.advertised.listener";
    /** Where plugins are. */
    public static final String PLUGIN_PATH_CONFIG = "plugin.path";
    /** The default of {@value #LISTENERS_CONFIG}. */
    public static final String LISTENERS_DEFAULT = "http://:8083";

    private static final Pattern LISTENER = Pattern.compile("^(\\w+)://([^:/\\s]*|\\[[0-9a-fA-F:]+]):(\\d+)$");

    /** @return the definition of the settings every worker has */
    public static ConfigDef baseConfigDef() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS_CONFIG, ConfigDef.Type.LIST, List.of("localhost:9092"),
                        nonEmptyList(), ConfigDef.Importance.HIGH, "A list of host/port pairs to use for "
                                + "establishing the initial connection to the log, or file:///<dir> for an embedded "
                                + "log in this process.")
                .define(KEY_CONVERTER_CLASS_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH, "Converter class (or alias) used "
                                + "to convert between Connect's format and the serialized keys in the log; settings "
                                + "under key.converter.* are passed to it.")
                .define(VALUE_CONVERTER_CLASS_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH, "Converter class (or alias) for "
                                + "values; settings under value.converter.* are passed to it.")
                .define(HEADER_CONVERTER_CLASS_CONFIG, ConfigDef.Type.STRING, SimpleHeaderConverter.class.getName(),
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.LOW, "HeaderConverter class (or alias) "
                                + "for header values; settings under header.converter.* are passed to it.")
                .define(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG, ConfigDef.Type.LONG, 5000L,
                        ConfigDef.Range.atLeast(0), ConfigDef.Importance.LOW, "Amount of time to wait for tasks to "
                                + "shutdown gracefully, in milliseconds.")
                .define(OFFSET_COMMIT_INTERVAL_MS_CONFIG, ConfigDef.Type.LONG, 60_000L, ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.LOW, "Interval at which to try committing offsets for tasks, in ms.")
                .define(OFFSET_COMMIT_TIMEOUT_MS_CONFIG, ConfigDef.Type.LONG, 5000L, ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.LOW, "Maximum number of milliseconds to wait for records to flush and "
                                + "partition offset data to be committed to offset storage before cancelling the "
                                + "process and restoring the offset data to be committed in a future attempt.")
                .define(LISTENERS_CONFIG, ConfigDef.Type.LIST, LISTENERS_DEFAULT, WorkerConfig::validateListeners,
                        ConfigDef.Importance.LOW, "List of comma-separated URIs the REST API will listen on, as "
                                + "protocol://host:port; an empty host binds every interface.")
                .define(REST_ADVERTISED_HOST_NAME_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW,
                        "If this is set, this is the hostname that will be given out to other workers to connect to.")
                .define(REST_ADVERTISED_PORT_CONFIG, ConfigDef.Type.INT, null, (name, value) -> {
                    if (value != null) {
                        ConfigDef.Range.between(1, 65535).ensureValid(name, value);
                    }
                }, ConfigDef.Importance.LOW, "If this is set, this is the port that will be given out to other "
                        + "workers to connect to.")
                .define(REST_ADVERTISED_LISTENER_CONFIG, ConfigDef.Type.STRING, null, (name, value) -> {
                    if (value != null) {
                        ConfigDef.ValidString.inIgnoreCase("http", "https").ensureValid(name, value);
                    }
                }, ConfigDef.Importance.LOW, "Sets the advertised listener (HTTP or HTTPS) which will be given to "
                        + "other workers to use.")
                .define(PLUGIN_PATH_CONFIG, ConfigDef.Type.LIST, null, ConfigDef.Importance.LOW, "List of paths "
                        + "separated by commas (,) that contain plugins (connectors, converters, transformations): "
                        + "each a jar, or a directory whose jars and sub-directories are one plugin each. Each "
                        + "plugin loads in its own class loader.")
                .defineUnsupported("config.providers", "configuration providers are not supported yet; put the "
                        + "values in the configuration directly");
    }

    private static ConfigDef.Validator nonEmptyList() {
        return (name, value) -> {
            if (value == null || ((List<?>) value).isEmpty()) {
                throw new ConfigException(name, value, "Empty list");
            }
        };
    }

    private static void validateListeners(String name, Object value) {
        List<?> listeners = (List<?>) value;
        if (listeners == null || listeners.isEmpty()) {
            throw new ConfigException(name, value, "Empty list: give at least one listener such as "
                    + LISTENERS_DEFAULT);
        }
        for (Object l : listeners) {
            Matcher m = LISTENER.matcher(String.valueOf(l));
            if (!m.matches()) {
                throw new ConfigException(name, l, "Invalid listener: expected protocol://host:port, for example "
                        + LISTENERS_DEFAULT);
            }
            String protocol = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (protocol.equals("https")) {
                throw new ConfigException(name, l, "https listeners are not supported by Runnel yet; use http");
            }
            if (!protocol.equals("http")) {
                throw new ConfigException(name, l, "Unknown protocol " + m.group(1) + ": use http");
            }
            int port = Integer.parseInt(m.group(3));
            if (port > 65535) {
                throw new ConfigException(name, l, "Port " + port + " is out of range (0-65535)");
            }
        }
    }

    /**
     * @param props the worker's configuration
     * @throws ConfigException naming every problem
     */
    public WorkerConfig(Map<String, ?> props) {
        this(baseConfigDef(), props);
    }

    /**
     * @param def   a definition extended by a subclass
     * @param props the configuration
     * @throws ConfigException naming every problem
     */
    protected WorkerConfig(ConfigDef def, Map<String, ?> props) {
        super(def, props);
    }

    /** @return the {@code plugin.path} entries, empty when unset */
    public List<String> pluginPath() {
        List<String> path = getList(PLUGIN_PATH_CONFIG);
        return path == null ? List.of() : path;
    }

    /** @return how often source offsets are flushed, ms */
    public long offsetFlushIntervalMs() {
        return getLong(OFFSET_COMMIT_INTERVAL_MS_CONFIG);
    }

    /** @return how long one offset flush may take, ms */
    public long offsetFlushTimeoutMs() {
        return getLong(OFFSET_COMMIT_TIMEOUT_MS_CONFIG);
    }

    /** @return how long a stopping task may take, ms */
    public long taskShutdownGracefulTimeoutMs() {
        return getLong(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
    }

    /** @return the REST listeners */
    public List<String> listeners() {
        return getList(LISTENERS_CONFIG);
    }
}
