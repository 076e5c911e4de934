package io.runnel.clients.admin;

import java.util.Objects;

/**
 * One setting of a topic or broker (Kafka's {@code ConfigEntry}). Immutable.
 */
public final class ConfigEntry {

    /** Where a value comes from. */
    public enum ConfigSource {
        /** A topic-level override. */
        DYNAMIC_TOPIC_CONFIG,
        /** A dynamic broker setting. */
        DYNAMIC_BROKER_CONFIG,
        /** A dynamic cluster-wide default. */
        DYNAMIC_DEFAULT_BROKER_CONFIG,
        /** A broker setting given when the log was opened. */
        STATIC_BROKER_CONFIG,
        /** The built-in default. */
        DEFAULT_CONFIG,
        /** Unknown. */
        UNKNOWN
    }

    private final String name;
    private final String value;
    private final ConfigSource source;
    private final boolean isSensitive;
    private final boolean isReadOnly;
    private final String documentation;

    /**
     * @param name  the setting
     * @param value its value, or null
     */
    public ConfigEntry(String name, String value) {
        this(name, value, ConfigSource.UNKNOWN, false, false, null);
    }

    /**
     * @param name          the setting
     * @param value         its value, or null
     * @param source        where it comes from
     * @param isSensitive   whether the value is hidden
     * @param isReadOnly    whether it cannot be altered
     * @param documentation its documentation, or null
     */
    public ConfigEntry(String name, String value, ConfigSource source, boolean isSensitive, boolean isReadOnly,
                       String documentation) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.source = source;
        this.isSensitive = isSensitive;
        this.isReadOnly = isReadOnly;
        this.documentation = documentation;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the value, or null */
    public String value() {
        return value;
    }

    /** @return the source */
    public ConfigSource source() {
        return source;
    }

    /** @return whether the value is the built-in default */
    public boolean isDefault() {
        return source == ConfigSource.DEFAULT_CONFIG;
    }

    /** @return whether the value is hidden */
    public boolean isSensitive() {
        return isSensitive;
    }

    /** @return whether it cannot be altered */
    public boolean isReadOnly() {
        return isReadOnly;
    }

    /** @return the documentation, or null */
    public String documentation() {
        return documentation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigEntry e && name.equals(e.name) && Objects.equals(value, e.value) && source == e.source
                && isSensitive == e.isSensitive && isReadOnly == e.isReadOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, source, isSensitive, isReadOnly);
    }

    @Override
    public String toString() {
        return "ConfigEntry(name=" + name + ", value=" + value + ", source=" + source + ", isSensitive=" + isSensitive
                + ", isReadOnly=" + isReadOnly + ")";
    }
}
