package io.runnel.connect.runtime;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.errors.ErrorHandlingConfig;
import io.runnel.connect.runtime.errors.ToleranceType;
import io.runnel.connect.runtime.isolation.PluginDesc;
import io.runnel.connect.runtime.isolation.PluginType;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.transforms.Transformation;
import io.runnel.connect.transforms.predicates.Predicate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A connector's configuration as the runtime reads it, with Kafka Connect's names ({@code
 * org.apache.kafka.connect.runtime.ConnectorConfig}): {@code name}, {@code connector.class}, {@code tasks.max},
 * the converter overrides, the {@code transforms} and {@code predicates} chains and the {@code errors.*}
 * settings. The connector's own settings travel in the same map and are checked by the connector.
 *
 * <h2>Design</h2>
 * The set of valid keys depends on the values: {@code transforms=mask} makes {@code transforms.mask.type}
 * required and adds the settings of the class it names, prefixed ({@code transforms.mask.fields}). Parsing
 * therefore first <em>enriches</em> the definition — resolving each {@code transforms.<alias>.type} and {@code
 * predicates.<alias>.type} through {@link Plugins} (class name or alias) and adding the plugin's own {@code
 * ConfigDef} under the alias's prefix — then parses everything in one pass and finally configures each
 * transformation and predicate once to catch their cross-setting checks. Every problem found on the way
 * (unknown class, missing or malformed setting, dangling predicate reference, duplicate alias...) is collected
 * and thrown together in one {@link ConfigException}, so a user fixes a configuration in one round.
 *
 * <p>Immutable and thread-safe.
 */
public class ConnectorConfig extends AbstractConfig {

    /** The connector's unique name. */
    public static final String NAME_CONFIG = "name";
    /** The connector's class name or alias. */
    public static final String CONNECTOR_CLASS_CONFIG = "connector.class";
    /** The most tasks to create. */
    public static final String TASKS_MAX_CONFIG = "tasks.max";
    /** The key converter, overriding the worker's. */
    public static final String KEY_CONVERTER_CLASS_CONFIG = "key.converter";
    /** The value converter, overriding the worker's. */
    public static final String VALUE_CONVERTER_CLASS_CONFIG = "value.converter";
    /** The header converter, overriding the worker's. */
    public static final String HEADER_CONVERTER_CLASS_CONFIG = "header.converter";
    /** The transformation aliases, in order. */
    public static final String TRANSFORMS_CONFIG = "transforms";
    /** The predicate aliases. */
    public static final String PREDICATES_CONFIG = "predicates";
    /** How long to retry a failed operation, ms (0 none, -1 forever). */
    public static final String ERRORS_RETRY_TIMEOUT_CONFIG = "errors.retry.timeout";
    /** The longest wait between retries, ms. */
    public static final String ERRORS_RETRY_MAX_DELAY_CONFIG = "errors.retry.delay.max.ms";
    /** none or all. */
    public static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";
    /** Log each failure. */
    public static final String ERRORS_LOG_ENABLE_CONFIG = "errors.log.enable";
    /** Include record contents in the failure log. */
    public static final String ERRORS_LOG_INCLUDE_MESSAGES_CONFIG = "errors.log.include.messages";
    /** The dead-letter queue topic; empty for none. */
    public static final String DLQ_TOPIC_NAME_CONFIG = "errors.deadletterqueue.topic.name";
    /** The dead-letter queue topic's replication factor when the worker creates it. */
    public static final String DLQ_TOPIC_REPLICATION_FACTOR_CONFIG = "errors.deadletterqueue.topic.replication.factor";
    /** Add the {@code __connect.errors.*} headers to dead-letter queue records. */
    public static final String DLQ_CONTEXT_HEADERS_ENABLE_CONFIG = "errors.deadletterqueue.context.headers.enable";

    static final String TYPE_SUFFIX = "type";
    static final String PREDICATE_SUFFIX = "predicate";
    static final String NEGATE_SUFFIX = "negate";

    private final Plugins plugins;

    /**
     * @return the definition of the settings every connector has (before enrichment with transformations)
     */
    public static ConfigDef configDef() {
        return new ConfigDef()
                .define(NAME_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, nonEmptyWithoutControlChars(),
                        ConfigDef.Importance.HIGH, "Globally unique name to use for this connector.")
                .define(CONNECTOR_CLASS_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH, "Name or alias of the class for "
                                + "this connector. Must be a subclass of io.runnel.connect.connector.Connector. The "
                                + "alias is the simple class name, or that name without 'Connector'.")
                .define(TASKS_MAX_CONFIG, ConfigDef.Type.INT, 1, ConfigDef.Range.atLeast(1), ConfigDef.Importance.HIGH,
                        "Maximum number of tasks to use for this connector.")
                .define(KEY_CONVERTER_CLASS_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW,
                        "Converter class (or alias) for keys, overriding the worker's key.converter; its settings "
                                + "are the key.converter.* ones of this connector.")
                .define(VALUE_CONVERTER_CLASS_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW,
                        "Converter class (or alias) for values, overriding the worker's value.converter.")
                .define(HEADER_CONVERTER_CLASS_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW,
                        "Header converter class (or alias), overriding the worker's header.converter.")
                .define(TRANSFORMS_CONFIG, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.LOW,
                        "Aliases for the transformations to be applied to records, in order.")
                .define(PREDICATES_CONFIG, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.LOW,
                        "Aliases for the predicates used by transformations.")
                .define(ERRORS_RETRY_TIMEOUT_CONFIG, ConfigDef.Type.LONG, 0L, ConfigDef.Range.atLeast(-1),
                        ConfigDef.Importance.MEDIUM, "The maximum duration in milliseconds that a failed operation "
                                + "will be reattempted. The default is 0, which means no retries will be attempted. "
                                + "Use -1 for infinite retries.")
                .define(ERRORS_RETRY_MAX_DELAY_CONFIG, ConfigDef.Type.LONG, 60_000L, ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.MEDIUM, "The maximum duration in milliseconds between consecutive "
                                + "retry attempts.")
                .define(ERRORS_TOLERANCE_CONFIG, ConfigDef.Type.STRING, ToleranceType.NONE.value(),
                        ConfigDef.ValidString.inIgnoreCase("none", "all"), ConfigDef.Importance.MEDIUM,
                        "Behavior for tolerating errors during connector operation. 'none' is the default value and "
                                + "signals that any error will result in an immediate connector task failure; 'all' "
                                + "changes the behavior to skip over problematic records.")
                .define(ERRORS_LOG_ENABLE_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                        "If true, write each error and the details of the failed operation and problematic record "
                                + "to the Connect application log.")
                .define(ERRORS_LOG_INCLUDE_MESSAGES_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                        "Whether to include in the log the Connect record that resulted in a failure.")
                .define(DLQ_TOPIC_NAME_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                        "The name of the topic to be used as the dead letter queue (DLQ) for records that fail "
                                + "processing (sink connectors as in Kafka; source connectors too in Runnel).")
                .define(DLQ_TOPIC_REPLICATION_FACTOR_CONFIG, ConfigDef.Type.SHORT, (short) 3,
                        ConfigDef.Range.atLeast(-1), ConfigDef.Importance.MEDIUM,
                        "Replication factor used to create the dead letter queue topic when it doesn't already "
                                + "exist (-1: the log's default).")
                .define(DLQ_CONTEXT_HEADERS_ENABLE_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                        "If true, add headers containing error context to the messages written to the dead letter "
                                + "queue.");
    }

    private static ConfigDef.Validator nonEmptyWithoutControlChars() {
        return (name, value) -> {
            String s = (String) value;
            if (s == null || s.isEmpty()) {
                throw new ConfigException(name, value, "String may not be empty");
            }
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    throw new ConfigException(name, value, "String may not contain control characters");
                }
            }
        };
    }

    /**
     * Parses a connector configuration against the settings every connector has.
     *
     * @param plugins resolves converter, transformation and predicate classes
     * @param props   the configuration
     * @throws ConfigException naming every problem
     */
    public ConnectorConfig(Plugins plugins, Map<String, String> props) {
        this(plugins, configDef(), (values, raw, problems) -> { }, props);
    }

    /**
     * Parses a connector configuration against a definition extended by a subclass.
     *
     * @param plugins the plugins
     * @param base    the base definition (the subclass's)
     * @param checks  the subclass's cross-setting checks
     * @param props   the configuration
     * @throws ConfigException naming every problem
     */
    protected ConnectorConfig(Plugins plugins, ConfigDef base, Checks checks, Map<String, String> props) {
        super(enrich(plugins, base, checks, props), props);
        this.plugins = plugins;
    }

    /** Extra checks a subclass runs during parsing. */
    @FunctionalInterface
    protected interface Checks {
        /**
         * @param values   parsed values of the settings that parsed (a setting with a bad value is absent)
         * @param props    raw configuration
         * @param problems where to add problems
         */
        void check(Map<String, Object> values, Map<String, String> props, List<String> problems);
    }

    /**
     * Builds the enriched definition and checks the whole configuration, collecting every problem.
     *
     * @param plugins the plugins
     * @param base    the base definition
     * @param checks  cross-setting checks run on the base definition's values (when they parse)
     * @param props   the configuration
     * @return the enriched definition, against which {@code props} parses cleanly
     * @throws ConfigException naming every problem
     */
    static ConfigDef enrich(Plugins plugins, ConfigDef base, Checks checks, Map<String, String> props) {
        List<String> problems = new ArrayList<>();
        ConfigDef enriched = new ConfigDef(base);
        Map<String, Object> baseValues = parseLeniently(base, props);

        List<String> transforms = aliases(props, TRANSFORMS_CONFIG, problems);
        List<String> predicates = aliases(props, PREDICATES_CONFIG, problems);
        Map<String, PluginDesc<?>> transformDescs = new LinkedHashMap<>();
        Map<String, PluginDesc<?>> predicateDescs = new LinkedHashMap<>();
        for (String alias : transforms) {
            String prefix = TRANSFORMS_CONFIG + "." + alias + ".";
            PluginDesc<?> desc = enrichPlugin(plugins, enriched, props, prefix, PluginType.TRANSFORMATION,
                    "Transformation", problems);
            enriched.define(prefix + PREDICATE_SUFFIX, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "The alias of a predicate used to determine whether to apply this transformation.");
            enriched.define(prefix + NEGATE_SUFFIX, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                    "Whether the configured predicate should be negated.");
            if (desc != null) {
                transformDescs.put(alias, desc);
            }
            String predicate = props.get(prefix + PREDICATE_SUFFIX);
            if (predicate != null && !predicate.isBlank() && !predicates.contains(predicate.trim())) {
                problems.add(prefix + PREDICATE_SUFFIX + " refers to predicate '" + predicate.trim() + "', which is "
                        + "not listed in " + PREDICATES_CONFIG + " " + predicates);
            }
            if ("true".equalsIgnoreCase(String.valueOf(props.get(prefix + NEGATE_SUFFIX)).trim())
                    && (predicate == null || predicate.isBlank())) {
                problems.add(prefix + NEGATE_SUFFIX + " is true but the transformation has no "
                        + prefix + PREDICATE_SUFFIX + " to negate");
            }
        }
        for (String alias : predicates) {
            String prefix = PREDICATES_CONFIG + "." + alias + ".";
            PluginDesc<?> desc = enrichPlugin(plugins, enriched, props, prefix, PluginType.PREDICATE, "Predicate",
                    problems);
            if (desc != null) {
                predicateDescs.put(alias, desc);
            }
        }
        for (String key : List.of(KEY_CONVERTER_CLASS_CONFIG, VALUE_CONVERTER_CLASS_CONFIG)) {
            checkPlugin(plugins, props, key, PluginType.CONVERTER, problems);
        }
        checkPlugin(plugins, props, HEADER_CONVERTER_CLASS_CONFIG, PluginType.HEADER_CONVERTER, problems);

        try {
            enriched.parse(props);
        } catch (ConfigException e) {
            for (String problem : e.problems()) {
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
        if (problems.isEmpty()) {
            // The plugins' own cross-setting checks run in configure(): try each once.
            transformDescs.forEach((alias, desc) -> tryConfigure(plugins, desc, props,
                    TRANSFORMS_CONFIG + "." + alias + ".", problems));
            predicateDescs.forEach((alias, desc) -> tryConfigure(plugins, desc, props,
                    PREDICATES_CONFIG + "." + alias + ".", problems));
        }
        checks.check(baseValues, props, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return enriched;
    }

    /** Parses each setting on its own, leaving out the bad ones (the full parse reports those). */
    private static Map<String, Object> parseLeniently(ConfigDef def, Map<String, String> props) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            try {
                Object value = props.containsKey(key.name())
                        ? ConfigDef.parseType(key.name(), props.get(key.name()), key.type())
                        : key.hasDefault() ? key.defaultValue() : null;
                if (key.validator() != null) {
                    key.validator().ensureValid(key.name(), value);
                }
                values.put(key.name(), value);
            } catch (ConfigException e) {
                // Reported by the full parse.
            }
        }
        return values;
    }

    private static List<String> aliases(Map<String, String> props, String key, List<String> problems) {
        String raw = props.get(key);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> aliases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String alias : raw.split(",")) {
            String a = alias.trim();
            if (a.isEmpty()) {
                problems.add(key + " has an empty alias in '" + raw + "'");
            } else if (!seen.add(a)) {
                problems.add(key + " lists alias '" + a + "' more than once (duplicate alias provided)");
            } else {
                aliases.add(a);
            }
        }
        return aliases;
    }

    private static PluginDesc<?> enrichPlugin(Plugins plugins, ConfigDef enriched, Map<String, String> props,
                                              String prefix, PluginType type, String kind, List<String> problems) {
        String typeKey = prefix + TYPE_SUFFIX;
        enriched.define(typeKey, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
                "Class for the '" + prefix.substring(prefix.indexOf('.') + 1, prefix.length() - 1) + "' "
                        + kind.toLowerCase(Locale.ROOT) + ".");
        String className = props.get(typeKey);
        if (className == null || className.isBlank()) {
            return null;
        }
        PluginDesc<?> desc;
        try {
            desc = plugins.pluginDesc(className.trim(), type);
        } catch (ConnectException e) {
            problems.add("Invalid value " + className.trim() + " for configuration " + typeKey + ": "
                    + e.getMessage());
            return null;
        }
        ConfigDef pluginDef;
        try {
            pluginDef = Plugins.withClassLoader(desc.loader(), () -> {
                Object instance = plugins.newPlugin(desc, Object.class);
                ConfigDef def = instance instanceof Transformation<?> t ? t.config()
                        : ((Predicate<?>) instance).config();
                close(instance);
                return def;
            });
        } catch (RuntimeException e) {
            problems.add(typeKey + ": " + kind + " " + desc.className() + " could not be created to read its settings: "
                    + e.getMessage());
            return null;
        }
        if (pluginDef == null) {
            problems.add(typeKey + ": " + desc.className() + ".config() returned null");
            return null;
        }
        for (ConfigDef.ConfigKey key : pluginDef.configKeys().values()) {
            String name = prefix + key.name();
            if (enriched.configKeys().containsKey(name)) {
                continue;
            }
            enriched.define(new ConfigDef.ConfigKey(name, key.type(), key.defaultValue(), key.validator(),
                    key.importance(), key.documentation(), key.group(), key.orderInGroup(), key.width(),
                    key.displayName(), key.dependents(), key.recommender()));
        }
        return desc;
    }

    private static void tryConfigure(Plugins plugins, PluginDesc<?> desc, Map<String, String> props, String prefix,
                                     List<String> problems) {
        Map<String, Object> configs = prefixed(props, prefix);
        try {
            Plugins.withClassLoader(desc.loader(), () -> {
                Object instance = plugins.newPlugin(desc, Object.class);
                try {
                    if (instance instanceof Transformation<?> t) {
                        t.configure(configs);
                    } else {
                        ((Predicate<?>) instance).configure(configs);
                    }
                } finally {
                    close(instance);
                }
                return null;
            });
        } catch (ConfigException e) {
            for (String problem : e.problems()) {
                problems.add(prefix + "*: " + problem);
            }
        } catch (RuntimeException e) {
            problems.add(prefix + "*: " + desc.className() + " rejected its settings: " + e.getMessage());
        }
    }

    private static void close(Object plugin) {
        try {
            if (plugin instanceof AutoCloseable c) {
                c.close();
            }
        } catch (Exception e) {
            // Closing a plugin created only to read its settings; nothing depends on it.
        }
    }

    private static void checkPlugin(Plugins plugins, Map<String, String> props, String key, PluginType type,
                                    List<String> problems) {
        String value = props.get(key);
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            plugins.pluginDesc(value.trim(), type);
        } catch (ConnectException e) {
            problems.add("Invalid value " + value.trim() + " for configuration " + key + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> prefixed(Map<String, String> props, String prefix) {
        Map<String, Object> result = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                result.put(k.substring(prefix.length()), v);
            }
        });
        return result;
    }

    /** @return the connector's name */
    public String name() {
        return getString(NAME_CONFIG);
    }

    /** @return the connector's class name or alias, as given */
    public String connectorClass() {
        return getString(CONNECTOR_CLASS_CONFIG);
    }

    /** @return {@code tasks.max} */
    public int tasksMax() {
        return getInt(TASKS_MAX_CONFIG);
    }

    /** @return the transformation aliases, in order */
    public List<String> transformAliases() {
        return getList(TRANSFORMS_CONFIG);
    }

    /** @return the error-handling settings */
    public ErrorHandlingConfig errorHandlingConfig() {
        return new ErrorHandlingConfig(getLong(ERRORS_RETRY_TIMEOUT_CONFIG), getLong(ERRORS_RETRY_MAX_DELAY_CONFIG),
                ToleranceType.valueOf(getString(ERRORS_TOLERANCE_CONFIG).toUpperCase(Locale.ROOT)),
                getBoolean(ERRORS_LOG_ENABLE_CONFIG), getBoolean(ERRORS_LOG_INCLUDE_MESSAGES_CONFIG),
                getString(DLQ_TOPIC_NAME_CONFIG), getShort(DLQ_TOPIC_REPLICATION_FACTOR_CONFIG),
                getBoolean(DLQ_CONTEXT_HEADERS_ENABLE_CONFIG));
    }

    /**
     * Creates and configures the connector's transformations, each with its predicate, for one task.
     *
     * @param <R> the record type
     * @return the stages in {@code transforms} order; the caller owns and closes them
     * @throws ConnectException if a plugin cannot be created or configured
     */
    @SuppressWarnings("unchecked") // transformations and predicates are generic in the record type they are given
    public <R extends ConnectRecord<R>> List<TransformationStage<R>> transformationStages() {
        List<TransformationStage<R>> stages = new ArrayList<>();
        for (String alias : transformAliases()) {
            String prefix = TRANSFORMS_CONFIG + "." + alias + ".";
            Transformation<R> transformation = (Transformation<R>) configured(prefix, PluginType.TRANSFORMATION);
            String predicateAlias = getString(prefix + PREDICATE_SUFFIX);
            Predicate<R> predicate = predicateAlias == null ? null
                    : (Predicate<R>) configured(PREDICATES_CONFIG + "." + predicateAlias + ".", PluginType.PREDICATE);
            stages.add(new TransformationStage<>(alias, transformation, predicate,
                    getBoolean(prefix + NEGATE_SUFFIX)));
        }
        return stages;
    }

    private Object configured(String prefix, PluginType type) {
        PluginDesc<?> desc = plugins.pluginDesc(getString(prefix + TYPE_SUFFIX), type);
        Map<String, Object> configs = new LinkedHashMap<>(originalsWithPrefix(prefix));
        configs.remove(PREDICATE_SUFFIX);
        configs.remove(NEGATE_SUFFIX);
        return Plugins.withClassLoader(desc.loader(), () -> {
            Object instance = plugins.newPlugin(desc, Object.class);
            if (instance instanceof Transformation<?> t) {
                t.configure(configs);
            } else {
                ((Predicate<?>) instance).configure(configs);
            }
            return instance;
        });
    }
}
