package io.runnel.common.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The definition of a component's settings: names, types, defaults, validators, importance and documentation,
 * with Kafka's shape ({@code org.apache.kafka.common.config.ConfigDef}) so connector authors and users recognise
 * it. One definition parses and validates a whole configuration, reporting every bad setting at once.
 *
 * <p>Besides Kafka's behaviour, a definition can name settings that Apache Kafka has but Runnel does not
 * support yet ({@link #defineUnsupported}); giving one of them fails with a message that says so, instead of
 * being silently ignored.
 *
 * <p>Values may be given as their Java type or as strings (as in properties files): {@code "true"}, {@code "42"},
 * comma-separated lists, class names. Building a definition is not thread-safe; a built definition that is no
 * longer modified may be shared and used by any number of threads.
 *
 * <pre>{@code
 * ConfigDef def = new ConfigDef()
 *     .define("batch.size", Type.INT, 16384, Range.atLeast(0), Importance.MEDIUM, "Batch size in bytes.")
 *     .define("acks", Type.STRING, "all", ValidString.in("0", "1", "all", "-1"), Importance.HIGH, "...");
 * Map<String, Object> parsed = def.parse(props);   // throws ConfigException naming every problem
 * }</pre>
 */
public final class ConfigDef {

    /** Marks a setting without a default: it is required. */
    public static final Object NO_DEFAULT_VALUE = new Object() {
        @Override
        public String toString() {
            return "NO_DEFAULT_VALUE";
        }
    };

    /** The type of a setting's value. */
    public enum Type {
        /** {@link Boolean}; strings {@code true}/{@code false}, any case. */
        BOOLEAN,
        /** {@link String}, trimmed. */
        STRING,
        /** {@link Integer}. */
        INT,
        /** {@link Short}. */
        SHORT,
        /** {@link Long}; durations are longs in ms and sizes longs in bytes. */
        LONG,
        /** {@link Double}. */
        DOUBLE,
        /** {@code List<String>}; a string is split on commas and each element trimmed; empty gives an empty list. */
        LIST,
        /** {@code Class<?>}; a string is loaded by name with the thread's context class loader. */
        CLASS,
        /** {@link Password}; hidden in logs and in {@code toString()}. */
        PASSWORD
    }

    /** How much a user should care about a setting (documentation only). */
    public enum Importance {
        /** Most users set it. */
        HIGH,
        /** Some users set it. */
        MEDIUM,
        /** Few users set it. */
        LOW
    }

    /** The display width hint of a setting in UIs (documentation only, as in Kafka Connect). */
    public enum Width {
        /** No hint. */
        NONE,
        /** A short value. */
        SHORT,
        /** A medium value. */
        MEDIUM,
        /** A long value. */
        LONG
    }

    /**
     * Checks a parsed value; throws {@link ConfigException} naming the setting when the value is not accepted.
     */
    @FunctionalInterface
    public interface Validator {
        /**
         * @param name  the setting's name
         * @param value the parsed value (may be null for a nullable setting)
         * @throws ConfigException if the value is not accepted
         */
        void ensureValid(String name, Object value);
    }

    /** Suggests values and visibility for a setting given the others (Kafka Connect's validate response). */
    public interface Recommender {
        /**
         * @param name         the setting
         * @param parsedConfig the other settings, parsed
         * @return the values to suggest
         */
        List<Object> validValues(String name, Map<String, Object> parsedConfig);

        /**
         * @param name         the setting
         * @param parsedConfig the other settings, parsed
         * @return whether the setting applies
         */
        boolean visible(String name, Map<String, Object> parsedConfig);
    }

    /**
     * The definition of one setting. Immutable.
     *
     * @param name          the setting's name (Kafka's where one exists)
     * @param type          the value's type
     * @param defaultValue  the parsed default, or {@link #NO_DEFAULT_VALUE} when required
     * @param validator     checks values, or null
     * @param importance    how much users should care
     * @param documentation what the setting does, with its unit
     * @param group         the group in documentation and UIs, or null
     * @param orderInGroup  the position in its group, or -1
     * @param width         the display width hint
     * @param displayName   a human name
     * @param dependents    settings whose visibility depends on this one
     * @param recommender   suggests values, or null
     */
    public record ConfigKey(String name, Type type, Object defaultValue, Validator validator,
                            Importance importance, String documentation, String group, int orderInGroup,
                            Width width, String displayName, List<String> dependents, Recommender recommender) {

        /** @return true when the setting has a default */
        public boolean hasDefault() {
            return defaultValue != NO_DEFAULT_VALUE;
        }
    }

    private final Map<String, ConfigKey> configKeys = new LinkedHashMap<>();
    private final Map<String, String> unsupported = new LinkedHashMap<>();
    private final List<String> groups = new ArrayList<>();

    /** Creates an empty definition. */
    public ConfigDef() {
    }

    /**
     * Creates a definition holding a copy of another's settings.
     *
     * @param base the definition to extend
     */
    public ConfigDef(ConfigDef base) {
        configKeys.putAll(base.configKeys);
        unsupported.putAll(base.unsupported);
        groups.addAll(base.groups);
    }

    /**
     * Adds a setting.
     *
     * @param key the setting
     * @return this
     * @throws ConfigException if the name is already defined or the default is invalid
     */
    public ConfigDef define(ConfigKey key) {
        if (configKeys.containsKey(key.name()) || unsupported.containsKey(key.name())) {
            throw new ConfigException("Configuration " + key.name() + " is defined twice.");
        }
        if (key.group() != null && !groups.contains(key.group())) {
            groups.add(key.group());
        }
        Object parsedDefault = key.hasDefault() ? parseType(key.name(), key.defaultValue(), key.type()) : NO_DEFAULT_VALUE;
        if (key.hasDefault() && key.validator() != null) {
            key.validator().ensureValid(key.name(), parsedDefault);
        }
        configKeys.put(key.name(), new ConfigKey(key.name(), key.type(), parsedDefault, key.validator(),
                key.importance(), key.documentation(), key.group(), key.orderInGroup(), key.width(),
                key.displayName(), key.dependents(), key.recommender()));
        return this;
    }

    /**
     * Adds a setting with a default and a validator.
     *
     * @param name          the name
     * @param type          the type
     * @param defaultValue  the default (Java type or string), or {@link #NO_DEFAULT_VALUE} when required
     * @param validator     checks values, or null
     * @param importance    the importance
     * @param documentation what it does, with its unit
     * @return this
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation) {
        return define(new ConfigKey(name, type, defaultValue, validator, importance, documentation, null, -1,
                Width.NONE, name, List.of(), null));
    }

    /**
     * Adds a setting with a default.
     *
     * @param name          the name
     * @param type          the type
     * @param defaultValue  the default (Java type or string), or {@link #NO_DEFAULT_VALUE} when required
     * @param importance    the importance
     * @param documentation what it does, with its unit
     * @return this
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Importance importance, String documentation) {
        return define(name, type, defaultValue, null, importance, documentation);
    }

    /**
     * Adds a required setting (no default).
     *
     * @param name          the name
     * @param type          the type
     * @param importance    the importance
     * @param documentation what it does, with its unit
     * @return this
     */
    public ConfigDef define(String name, Type type, Importance importance, String documentation) {
        return define(name, type, NO_DEFAULT_VALUE, null, importance, documentation);
    }

    /**
     * Adds a setting with its place in a group, as Kafka Connect's UIs show it.
     *
     * @param name          the name
     * @param type          the type
     * @param defaultValue  the default, or {@link #NO_DEFAULT_VALUE}
     * @param validator     checks values, or null
     * @param importance    the importance
     * @param documentation what it does
     * @param group         the group
     * @param orderInGroup  the position in the group
     * @param width         the display width
     * @param displayName   the human name
     * @return this
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation, String group, int orderInGroup, Width width, String displayName) {
        return define(new ConfigKey(name, type, defaultValue, validator, importance, documentation, group,
                orderInGroup, width, displayName, List.of(), null));
    }

    /**
     * Names a setting Apache Kafka has that Runnel does not support yet: giving it fails with
     * {@code "<name> is not supported by Runnel: <reason>"}.
     *
     * @param name   Kafka's setting name
     * @param reason why, and what to do instead
     * @return this
     */
    public ConfigDef defineUnsupported(String name, String reason) {
        if (configKeys.containsKey(name)) {
            throw new ConfigException("Configuration " + name + " is defined twice.");
        }
        unsupported.put(name, reason);
        return this;
    }

    /** @return the defined settings by name, in definition order (unmodifiable) */
    public Map<String, ConfigKey> configKeys() {
        return Collections.unmodifiableMap(configKeys);
    }

    /** @return the defined setting names, in definition order */
    public Set<String> names() {
        return Collections.unmodifiableSet(configKeys.keySet());
    }

    /** @return the groups, in order of first use */
    public List<String> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** @return the settings named unsupported, with their reasons */
    public Map<String, String> unsupportedConfigs() {
        return Collections.unmodifiableMap(unsupported);
    }

    /** @return the parsed defaults of the settings that have one */
    public Map<String, Object> defaultValues() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        configKeys.values().stream().filter(ConfigKey::hasDefault)
                .forEach(k -> defaults.put(k.name(), k.defaultValue()));
        return defaults;
    }

    /**
     * Parses and validates a configuration: each defined setting takes the given value or its default. Settings
     * not defined here are ignored (callers decide whether to warn about them).
     *
     * @param props the configuration, keys are setting names, values Java objects or strings
     * @return the parsed value of every defined setting, in definition order (null for a nullable setting unset)
     * @throws ConfigException naming every missing, malformed, out-of-range or unsupported setting
     */
    public Map<String, Object> parse(Map<?, ?> props) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<?, ?> e : props.entrySet()) {
            String reason = unsupported.get(String.valueOf(e.getKey()));
            if (reason != null) {
                problems.add(e.getKey() + " is not supported by Runnel: " + reason);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey key : configKeys.values()) {
            try {
                values.put(key.name(), parseValue(key, props.get(key.name()), props.containsKey(key.name())));
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return values;
    }

    /**
     * Validates a configuration field by field without throwing, as Kafka Connect's validate endpoint does.
     *
     * @param props the configuration as strings
     * @return one result per defined setting, in definition order; invalid ones carry error messages
     */
    public List<ConfigValue> validate(Map<String, String> props) {
        Map<String, ConfigValue> results = new LinkedHashMap<>();
        Map<String, Object> parsed = new HashMap<>();
        for (ConfigKey key : configKeys.values()) {
            ConfigValue cv = new ConfigValue(key.name());
            try {
                Object value = parseValue(key, props.get(key.name()), props.containsKey(key.name()));
                cv.value(value);
                parsed.put(key.name(), value);
            } catch (ConfigException e) {
                cv.value(props.get(key.name()));
                cv.addErrorMessage(e.getMessage());
            }
            results.put(key.name(), cv);
        }
        for (ConfigKey key : configKeys.values()) {
            if (key.recommender() != null) {
                ConfigValue cv = results.get(key.name());
                cv.recommendedValues(key.recommender().validValues(key.name(), parsed));
                cv.visible(key.recommender().visible(key.name(), parsed));
            }
        }
        for (Map.Entry<String, String> e : unsupported.entrySet()) {
            if (props.containsKey(e.getKey())) {
                ConfigValue cv = new ConfigValue(e.getKey());
                cv.value(props.get(e.getKey()));
                cv.addErrorMessage(e.getKey() + " is not supported by Runnel: " + e.getValue());
                results.put(e.getKey(), cv);
            }
        }
        return new ArrayList<>(results.values());
    }

    private Object parseValue(ConfigKey key, Object value, boolean isSet) {
        Object parsed;
        if (isSet) {
            parsed = parseType(key.name(), value, key.type());
        } else if (!key.hasDefault()) {
            throw new ConfigException("Missing required configuration \"" + key.name()
                    + "\" which has no default value." + (key.documentation() == null ? ""
                    : " (" + key.documentation() + ")"));
        } else {
            parsed = key.defaultValue();
        }
        if (key.validator() != null) {
            key.validator().ensureValid(key.name(), parsed);
        }
        return parsed;
    }

    /**
     * Parses one value to a type.
     *
     * @param name  the setting, for messages
     * @param value a Java value of the type, or a string; null stays null
     * @param type  the type
     * @return the parsed value
     * @throws ConfigException if the value cannot be read as the type
     */
    public static Object parseType(String name, Object value, Type type) {
        if (value == null) {
            return null;
        }
        String trimmed = value instanceof String s ? s.trim() : null;
        try {
            switch (type) {
                case BOOLEAN:
                    if (value instanceof Boolean) {
                        return value;
                    }
                    if (trimmed != null && (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false"))) {
                        return Boolean.parseBoolean(trimmed);
                    }
                    throw new ConfigException(name, value, "Expected value to be either true or false");
                case STRING:
                    if (value instanceof String) {
                        return trimmed;
                    }
                    throw new ConfigException(name, value, "Expected value to be a string, but it was a "
                            + value.getClass().getName());
                case PASSWORD:
                    if (value instanceof Password) {
                        return value;
                    }
                    if (value instanceof String) {
                        return new Password(trimmed);
                    }
                    throw new ConfigException(name, Password.HIDDEN, "Expected value to be a string");
                case INT:
                    if (value instanceof Integer) {
                        return value;
                    }
                    if (trimmed != null) {
                        return Integer.parseInt(trimmed);
                    }
                    throw new ConfigException(name, value, "Expected value to be a 32-bit integer, but it was a "
                            + value.getClass().getName());
                case SHORT:
                    if (value instanceof Short) {
                        return value;
                    }
                    if (trimmed != null) {
                        return Short.parseShort(trimmed);
                    }
                    throw new ConfigException(name, value, "Expected value to be a 16-bit integer, but it was a "
                            + value.getClass().getName());
                case LONG:
                    if (value instanceof Integer i) {
                        return i.longValue();
                    }
                    if (value instanceof Long) {
                        return value;
                    }
                    if (trimmed != null) {
                        return Long.parseLong(trimmed);
                    }
                    throw new ConfigException(name, value, "Expected value to be a 64-bit integer, but it was a "
                            + value.getClass().getName());
                case DOUBLE:
                    if (value instanceof Number n) {
                        return n.doubleValue();
                    }
                    if (trimmed != null) {
                        return Double.parseDouble(trimmed);
                    }
                    throw new ConfigException(name, value, "Expected value to be a double, but it was a "
                            + value.getClass().getName());
                case LIST:
                    if (value instanceof List<?> list) {
                        return list.stream().map(o -> o instanceof Class<?> c ? c.getName() : String.valueOf(o))
                                .collect(Collectors.toUnmodifiableList());
                    }
                    if (trimmed != null) {
                        return trimmed.isEmpty() ? List.of()
                                : Arrays.stream(trimmed.split("\\s*,\\s*", -1)).collect(Collectors.toUnmodifiableList());
                    }
                    throw new ConfigException(name, value, "Expected a comma separated list.");
                case CLASS:
                    if (value instanceof Class) {
                        return value;
                    }
                    if (trimmed != null) {
                        ClassLoader loader = Thread.currentThread().getContextClassLoader();
                        if (loader == null) {
                            loader = ConfigDef.class.getClassLoader();
                        }
                        return Class.forName(trimmed, true, loader);
                    }
                    throw new ConfigException(name, value, "Expected a Class instance or class name.");
                default:
                    throw new IllegalStateException("Unknown type " + type);
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(name, value, "Not a number of type " + type);
        } catch (ClassNotFoundException e) {
            throw new ConfigException(name, value, "Class " + value + " could not be found: check the name and "
                    + "that its jar is on the class path (or plugin.path for Connect plugins)");
        }
    }

    /**
     * Renders a parsed value back to the string a properties file would hold.
     *
     * @param value a parsed value
     * @param type  its type
     * @return the string form, or null for null
     */
    public static String convertToString(Object value, Type type) {
        if (value == null) {
            return null;
        }
        if (type == Type.LIST && value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (type == Type.CLASS && value instanceof Class<?> c) {
            return c.getName();
        }
        if (type == Type.PASSWORD && value instanceof Password p) {
            return p.value();
        }
        return value.toString();
    }

    /** Accepts numbers within inclusive bounds; either bound may be open (null). */
    public static final class Range implements Validator {
        private final Number min;
        private final Number max;

        private Range(Number min, Number max) {
            this.min = min;
            this.max = max;
        }

        /**
         * @param min the smallest accepted value
         * @return a validator accepting {@code >= min}
         */
        public static Range atLeast(Number min) {
            return new Range(min, null);
        }

        /**
         * @param min the smallest accepted value
         * @param max the largest accepted value
         * @return a validator accepting {@code min..max}
         */
        public static Range between(Number min, Number max) {
            return new Range(min, max);
        }

        @Override
        public void ensureValid(String name, Object o) {
            if (o == null) {
                throw new ConfigException(name, null, "Value must be non-null");
            }
            double n = ((Number) o).doubleValue();
            if (min != null && n < min.doubleValue()) {
                throw new ConfigException(name, o, "Value must be at least " + min);
            }
            if (max != null && n > max.doubleValue()) {
                throw new ConfigException(name, o, "Value must be no more than " + max);
            }
        }

        @Override
        public String toString() {
            return min == null ? "[...," + max + "]" : max == null ? "[" + min + ",...]" : "[" + min + ",...," + max + "]";
        }
    }

    /** Accepts one of a fixed set of strings (case-sensitive unless made with {@link #inIgnoreCase}). */
    public static final class ValidString implements Validator {
        private final List<String> validStrings;
        private final boolean ignoreCase;

        private ValidString(List<String> validStrings, boolean ignoreCase) {
            this.validStrings = validStrings;
            this.ignoreCase = ignoreCase;
        }

        /**
         * @param validStrings the accepted values
         * @return a case-sensitive validator
         */
        public static ValidString in(String... validStrings) {
            return new ValidString(List.of(validStrings), false);
        }

        /**
         * @param validStrings the accepted values
         * @return a case-insensitive validator
         */
        public static ValidString inIgnoreCase(String... validStrings) {
            return new ValidString(List.of(validStrings), true);
        }

        @Override
        public void ensureValid(String name, Object o) {
            String s = (String) o;
            boolean ok = s != null && (ignoreCase
                    ? validStrings.stream().anyMatch(v -> v.equalsIgnoreCase(s))
                    : validStrings.contains(s));
            if (!ok) {
                throw new ConfigException(name, o, "String must be one of: " + String.join(", ", validStrings));
            }
        }

        @Override
        public String toString() {
            return "[" + String.join(", ", validStrings) + "]";
        }
    }

    /** Accepts lists whose every element is one of a fixed set. */
    public static final class ValidList implements Validator {
        private final List<String> validStrings;

        private ValidList(List<String> validStrings) {
            this.validStrings = validStrings;
        }

        /**
         * @param validStrings the accepted elements
         * @return the validator
         */
        public static ValidList in(String... validStrings) {
            return new ValidList(List.of(validStrings));
        }

        @Override
        public void ensureValid(String name, Object o) {
            @SuppressWarnings("unchecked") // LIST settings are parsed to List<String>
            List<String> values = (List<String>) o;
            if (values == null) {
                throw new ConfigException(name, null, "Value must be non-null");
            }
            for (String v : values) {
                if (!validStrings.contains(v.toLowerCase(Locale.ROOT)) && !validStrings.contains(v)) {
                    throw new ConfigException(name, v, "Each element must be one of: "
                            + String.join(", ", validStrings));
                }
            }
        }

        @Override
        public String toString() {
            return "[" + String.join(", ", validStrings) + "]";
        }
    }

    /** Accepts non-null, non-empty strings. */
    public static final class NonEmptyString implements Validator {
        /** Creates the validator. */
        public NonEmptyString() {
        }

        @Override
        public void ensureValid(String name, Object o) {
            if (o == null || ((String) o).isEmpty()) {
                throw new ConfigException(name, o, "String must be non-empty");
            }
        }

        @Override
        public String toString() {
            return "non-empty string";
        }
    }

    /** Accepts any non-null value. */
    public static final class NonNullValidator implements Validator {
        /** Creates the validator. */
        public NonNullValidator() {
        }

        @Override
        public void ensureValid(String name, Object o) {
            if (o == null) {
                throw new ConfigException(name, null, "Value must be non-null");
            }
        }

        @Override
        public String toString() {
            return "non-null value";
        }
    }

    /**
     * @param validators validators that must all accept
     * @return a validator applying each in turn
     */
    public static Validator allOf(Validator... validators) {
        List<Validator> list = List.of(validators);
        return (name, value) -> list.forEach(v -> v.ensureValid(name, value));
    }

    /**
     * @param names a collection of setting names
     * @return the names defined here that are also in {@code names}
     */
    public Set<String> defined(Collection<String> names) {
        return names.stream().filter(configKeys::containsKey).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "ConfigDef" + configKeys.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigDef other && configKeys.equals(other.configKeys)
                && unsupported.equals(other.unsupported);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configKeys, unsupported);
    }
}
