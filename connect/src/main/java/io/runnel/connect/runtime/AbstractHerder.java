package io.runnel.connect.runtime;

import io.runnel.common.config.Config;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.common.config.ConfigValue;
import io.runnel.connect.connector.Connector;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.isolation.PluginDesc;
import io.runnel.connect.runtime.isolation.PluginType;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.runtime.rest.entities.ConfigInfos;
import io.runnel.connect.runtime.rest.entities.PluginInfo;
import io.runnel.connect.runtime.rest.errors.BadRequestException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every herder shares: validating connector configurations (the framework's settings, the transformations'
 * and predicates' settings, and the connector's own {@code validate}) and listing plugins.
 *
 * <h2>Design</h2>
 * Validation answers field by field, as Kafka Connect's validate endpoint does. The framework's settings are
 * validated against {@link SourceConnectorConfig#configDef()} or {@link SinkConnectorConfig#configDef()}; the
 * connector's own settings by {@link Connector#validate}. The checks that span settings or depend on plugins
 * (unknown transformation class, a transformation's own settings, dangling predicate references, sink topics
 * versus the dead-letter topic...) come out of {@link ConnectorConfig}'s parse as one list of messages; each
 * message is attached to the setting it names (the longest setting name it contains), so a client sees every
 * problem next to its field. A message that names no setting is attached to {@code connector.class}.
 */
public abstract class AbstractHerder implements Herder {

    /** The plugins. */
    protected final Plugins plugins;

    /** @param plugins the plugins */
    protected AbstractHerder(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public ConfigInfos validateConnectorConfig(Map<String, String> config) {
        return validate(plugins, config);
    }

    /**
     * Validates a connector configuration without a herder (the standalone launcher checks its files with it).
     *
     * @param plugins the plugins
     * @param config  the configuration
     * @return every setting with its errors
     * @throws BadRequestException if {@code connector.class} is missing or names no installed connector
     */
    public static ConfigInfos validate(Plugins plugins, Map<String, String> config) {
        String className = config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (className == null || className.isBlank()) {
            throw new BadRequestException("Connector config " + config + " contains no connector type: set "
                    + ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        }
        PluginDesc<?> desc;
        try {
            desc = plugins.pluginDesc(className.trim(), PluginType.SOURCE, PluginType.SINK);
        } catch (ConnectException e) {
            throw new BadRequestException(e.getMessage());
        }
        boolean source = desc.type() == PluginType.SOURCE;
        ConfigDef base = source ? SourceConnectorConfig.configDef() : SinkConnectorConfig.configDef();
        Map<String, ConfigDef.ConfigKey> keys = new LinkedHashMap<>(base.configKeys());
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (ConfigValue v : base.validate(config)) {
            values.put(v.name(), v);
        }
        Set<String> groups = new LinkedHashSet<>(base.groups());
        List<String> problems = new ArrayList<>();
        Plugins.withClassLoader(desc.loader(), () -> {
            try {
                Connector connector = plugins.newPlugin(desc, Connector.class);
                ConfigDef own = connector.config();
                if (own != null) {
                    own.configKeys().forEach(keys::putIfAbsent);
                    groups.addAll(own.groups());
                }
                Config result = connector.validate(config);
                for (ConfigValue v : result.configValues()) {
                    ConfigValue existing = values.get(v.name());
                    if (existing == null) {
                        ConfigValue copy = new ConfigValue(v.name(), v.value(), v.recommendedValues() == null
                                ? List.of() : v.recommendedValues(), new ArrayList<>(v.errorMessages()));
                        copy.visible(v.visible());
                        values.put(v.name(), copy);
                    } else {
                        v.errorMessages().forEach(m -> addError(existing, m));
                    }
                }
            } catch (RuntimeException e) {
                problems.add("Connector " + desc.className() + " failed to validate its configuration: " + e);
            }
            return null;
        });
        try {
            if (source) {
                new SourceConnectorConfig(plugins, config);
            } else {
                new SinkConnectorConfig(plugins, config);
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        for (String problem : problems) {
            if (values.values().stream().anyMatch(v -> v.errorMessages().contains(problem))) {
                continue;
            }
            String key = settingNamedIn(problem, keys.keySet(), config.keySet());
            ConfigValue target = values.computeIfAbsent(key, k -> new ConfigValue(k, config.get(k), List.of(),
                    new ArrayList<>()));
            addError(target, problem);
        }
        List<ConfigInfos.ConfigInfo> infos = new ArrayList<>();
        int errors = 0;
        for (ConfigValue v : values.values()) {
            ConfigDef.ConfigKey key = keys.get(v.name());
            infos.add(new ConfigInfos.ConfigInfo(keyInfo(v.name(), key), valueInfo(v, key, config)));
            errors += v.errorMessages().size();
        }
        String simpleName = desc.className().substring(desc.className().lastIndexOf('.') + 1);
        return new ConfigInfos(simpleName, errors, new ArrayList<>(groups), infos);
    }

    private static void addError(ConfigValue value, String message) {
        if (!value.errorMessages().contains(message)) {
            value.addErrorMessage(message);
        }
    }

    private static String settingNamedIn(String problem, Set<String> defined, Set<String> given) {
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Set<String> names : List.of(defined, given)) {
            for (String name : names) {
                int at = settingIndex(problem, name);
                if (at >= 0 && (at < bestAt || (at == bestAt && name.length() > best.length()))) {
                    best = name;
                    bestAt = at;
                }
            }
        }
        if (best == null) {
            // "transforms.mask.*: ..." names a transformation's settings as a group.
            int star = problem.indexOf(".*");
            if (star > 0) {
                String prefix = problem.substring(0, star + 1);
                int space = prefix.lastIndexOf(' ');
                prefix = prefix.substring(space + 1);
                if (given.contains(prefix + "type")) {
                    return prefix + "type";
                }
            }
        }
        return best == null ? ConnectorConfig.CONNECTOR_CLASS_CONFIG : best;
    }

    /** @return where the text first names the setting as a whole word, or -1 */
    private static int settingIndex(String text, String name) {
        int from = 0;
        while (true) {
            int i = text.indexOf(name, from);
            if (i < 0) {
                return -1;
            }
            int end = i + name.length();
            boolean startOk = i == 0 || !isNameChar(text.charAt(i - 1));
            boolean endOk = end == text.length() || !isNameChar(text.charAt(end))
                    || (text.charAt(end) == '.' && (end + 1 == text.length() || !isNameChar(text.charAt(end + 1))));
            if (startOk && endOk) {
                return i;
            }
            from = i + 1;
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '$';
    }

    private static ConfigInfos.ConfigKeyInfo keyInfo(String name, ConfigDef.ConfigKey key) {
        if (key == null) {
            return new ConfigInfos.ConfigKeyInfo(name, "STRING", false, null, "MEDIUM", "", null, -1, "NONE", name,
                    List.of());
        }
        String defaultValue = key.hasDefault() ? ConfigDef.convertToString(key.defaultValue(), key.type()) : null;
        return new ConfigInfos.ConfigKeyInfo(key.name(), key.type().name(), !key.hasDefault(), defaultValue,
                key.importance() == null ? null : key.importance().name(), key.documentation(), key.group(),
                key.orderInGroup(), key.width() == null ? "NONE" : key.width().name(),
                key.displayName() == null ? key.name() : key.displayName(),
                key.dependents() == null ? List.of() : key.dependents());
    }

    private static ConfigInfos.ConfigValueInfo valueInfo(ConfigValue v, ConfigDef.ConfigKey key,
                                                         Map<String, String> config) {
        String value;
        if (config.containsKey(v.name())) {
            value = config.get(v.name());
        } else if (key != null && key.hasDefault()) {
            value = ConfigDef.convertToString(key.defaultValue(), key.type());
        } else {
            value = null;
        }
        List<String> recommended = new ArrayList<>();
        if (v.recommendedValues() != null) {
            v.recommendedValues().forEach(r -> recommended.add(String.valueOf(r)));
        }
        return new ConfigInfos.ConfigValueInfo(v.name(), value, recommended, List.copyOf(v.errorMessages()),
                v.visible());
    }

    /**
     * @param infos a validation result with errors
     * @return Kafka Connect's message listing every error
     */
    public static String invalidConfigMessage(ConfigInfos infos) {
        StringBuilder sb = new StringBuilder("Connector configuration is invalid and contains the following ")
                .append(infos.errorCount()).append(" error(s):");
        for (ConfigInfos.ConfigInfo info : infos.configs()) {
            for (String error : info.value().errors()) {
                sb.append('\n').append(info.definition().name()).append(": ").append(error);
            }
        }
        return sb.append("\nYou can also find the above list of errors at the endpoint "
                + "`/connector-plugins/{connectorType}/config/validate`").toString();
    }

    @Override
    public List<PluginInfo> connectorPlugins(boolean connectorsOnly) {
        List<PluginType> types = connectorsOnly ? List.of(PluginType.SOURCE, PluginType.SINK)
                : List.of(PluginType.values());
        Set<PluginInfo> result = new LinkedHashSet<>();
        for (PluginType type : types) {
            for (PluginDesc<?> desc : plugins.plugins(type)) {
                result.add(new PluginInfo(desc.className(), type.name().toLowerCase(Locale.ROOT), desc.version()));
            }
        }
        return new ArrayList<>(result);
    }
}
