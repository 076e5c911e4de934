package io.runnel.common.config;

import io.runnel.common.Configurable;
import io.runnel.common.RunnelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A configuration parsed once against a {@link ConfigDef}: typed getters, the original map (so plugins get
 * settings they define themselves) and plugin instantiation. Subclasses ({@code ProducerConfig},
 * {@code LogConfig}, {@code StreamsConfig}...) add the definition and named accessors.
 *
 * <p>Parsing fails with one {@link ConfigException} naming every bad setting. Settings the definition does not
 * know are kept in {@link #originals()} for plugins and logged once at WARN by {@link #logUnused()}: they may
 * be a custom plugin's settings, so they are not rejected; settings that Apache Kafka has but Runnel does not
 * support are rejected (see {@link ConfigDef#defineUnsupported}).
 *
 * <p>Immutable after construction and thread-safe.
 */
public class AbstractConfig {

    private static final Logger log = LoggerFactory.getLogger(AbstractConfig.class);

    private final ConfigDef definition;
    private final Map<String, Object> originals;
    private final Map<String, Object> values;

    /**
     * @param definition the settings' definition
     * @param originals  the configuration (keys must be strings; values Java objects or strings)
     * @throws ConfigException if a key is not a string, or naming every invalid setting
     */
    public AbstractConfig(ConfigDef definition, Map<?, ?> originals) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : originals.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new ConfigException(e.getKey() + " is not a valid configuration key: keys must be strings");
            }
            copy.put(key, e.getValue());
        }
        this.definition = definition;
        this.originals = Collections.unmodifiableMap(copy);
        this.values = Collections.unmodifiableMap(definition.parse(copy));
    }

    /** @return the definition this configuration was parsed against */
    public ConfigDef definition() {
        return definition;
    }

    /**
     * @param key a defined setting
     * @return its parsed value (may be null for nullable settings)
     * @throws ConfigException if the setting is not defined
     */
    protected Object get(String key) {
        if (!values.containsKey(key)) {
            throw new ConfigException("Unknown configuration '" + key + "'");
        }
        return values.get(key);
    }

    /**
     * @param key an INT setting
     * @return its value
     */
    public Integer getInt(String key) {
        return (Integer) get(key);
    }

    /**
     * @param key a SHORT setting
     * @return its value
     */
    public Short getShort(String key) {
        return (Short) get(key);
    }

    /**
     * @param key a LONG setting
     * @return its value
     */
    public Long getLong(String key) {
        return (Long) get(key);
    }

    /**
     * @param key a DOUBLE setting
     * @return its value
     */
    public Double getDouble(String key) {
        return (Double) get(key);
    }

    /**
     * @param key a BOOLEAN setting
     * @return its value
     */
    public Boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    /**
     * @param key a STRING setting
     * @return its value
     */
    public String getString(String key) {
        return (String) get(key);
    }

    /**
     * @param key a LIST setting
     * @return its value
     */
    @SuppressWarnings("unchecked") // LIST settings are parsed to List<String>
    public List<String> getList(String key) {
        return (List<String>) get(key);
    }

    /**
     * @param key a CLASS setting
     * @return its value
     */
    public Class<?> getClass(String key) {
        return (Class<?>) get(key);
    }

    /**
     * @param key a PASSWORD setting
     * @return its value
     */
    public Password getPassword(String key) {
        return (Password) get(key);
    }

    /** @return the configuration as given, including settings not defined here (unmodifiable) */
    public Map<String, Object> originals() {
        return originals;
    }

    /** @return the configuration as given with every value as a string (unmodifiable) */
    public Map<String, String> originalsStrings() {
        Map<String, String> strings = new LinkedHashMap<>();
        originals.forEach((k, v) -> strings.put(k, v instanceof Class<?> c ? c.getName() : String.valueOf(v)));
        return Collections.unmodifiableMap(strings);
    }

    /**
     * @param prefix a prefix such as {@code "producer."}
     * @return the given settings starting with {@code prefix}, with the prefix removed
     */
    public Map<String, Object> originalsWithPrefix(String prefix) {
        Map<String, Object> result = new LinkedHashMap<>();
        originals.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                result.put(k.substring(prefix.length()), v);
            }
        });
        return result;
    }

    /** @return every defined setting's parsed value, defaults included (unmodifiable) */
    public Map<String, Object> values() {
        return values;
    }

    /** @return the given settings this definition does not know, sorted */
    public Set<String> unused() {
        Set<String> unknown = new TreeSet<>(originals.keySet());
        unknown.removeAll(values.keySet());
        return unknown;
    }

    /**
     * Logs each given setting that this definition does not know, once, at WARN. Internal settings that one
     * Runnel component hands another through a client's configuration (named {@code __...__}, as Kafka Streams'
     * internal configs) are not logged.
     */
    public void logUnused() {
        for (String key : unused()) {
            if (key.startsWith("__") && key.endsWith("__")) {
                continue;
            }
            log.warn("The configuration '{}' was supplied but isn't a known config of {}; it is passed to plugins "
                    + "only.", key, getClass().getSimpleName());
        }
    }

    /**
     * Creates the plugin named by a CLASS setting, configures it if it is {@link Configurable}, and checks its type.
     *
     * @param <T>  the expected type
     * @param key  a CLASS setting
     * @param type the expected type
     * @return the configured instance, or null when the setting is null
     * @throws RunnelException if the class does not implement {@code type} or cannot be instantiated
     */
    public <T> T getConfiguredInstance(String key, Class<T> type) {
        return getConfiguredInstance(key, type, Map.of());
    }

    /**
     * As {@link #getConfiguredInstance(String, Class)}, passing extra settings to the plugin's {@code configure}.
     *
     * @param <T>       the expected type
     * @param key       a CLASS setting
     * @param type      the expected type
     * @param overrides settings added to the originals handed to {@code configure}
     * @return the configured instance, or null when the setting is null
     */
    public <T> T getConfiguredInstance(String key, Class<T> type, Map<String, Object> overrides) {
        Class<?> c = getClass(key);
        if (c == null) {
            return null;
        }
        return configure(newInstance(c, type, key), overrides);
    }

    /**
     * Creates the plugins named by a LIST setting of class names, in order.
     *
     * @param <T>       the expected type
     * @param key       a LIST setting
     * @param type      the expected type
     * @param overrides settings added to the originals handed to {@code configure}
     * @return the configured instances
     */
    public <T> List<T> getConfiguredInstances(String key, Class<T> type, Map<String, Object> overrides) {
        List<T> instances = new ArrayList<>();
        for (String name : getList(key)) {
            Class<?> c = (Class<?>) ConfigDef.parseType(key, name, ConfigDef.Type.CLASS);
            instances.add(configure(newInstance(c, type, key), overrides));
        }
        return instances;
    }

    private <T> T configure(T instance, Map<String, Object> overrides) {
        if (instance instanceof Configurable configurable) {
            Map<String, Object> configs = new HashMap<>(originals);
            configs.putAll(overrides);
            configurable.configure(configs);
        }
        return instance;
    }

    /**
     * Instantiates a plugin class through its public no-argument constructor.
     *
     * @param <T>  the expected type
     * @param c    the class
     * @param type the expected type
     * @param key  the setting that named it, for messages
     * @return the new instance
     * @throws RunnelException if {@code c} does not implement {@code type} or cannot be instantiated
     */
    public static <T> T newInstance(Class<?> c, Class<T> type, String key) {
        if (!type.isAssignableFrom(c)) {
            throw new RunnelException(c.getName() + " (from " + key + ") is not an instance of " + type.getName());
        }
        try {
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new RunnelException("Could not instantiate " + c.getName() + " (from " + key
                    + "): it needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new RunnelException("Could not instantiate " + c.getName() + " (from " + key
                    + "): its constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RunnelException("Could not instantiate " + c.getName() + " (from " + key + "): " + e, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && originals.equals(((AbstractConfig) o).originals);
    }

    @Override
    public int hashCode() {
        return originals.hashCode();
    }
}
