package io.runnel.connect.runtime.rest.entities;

import java.util.List;

/**
 * The result of validating a connector configuration ({@code PUT /connector-plugins/{type}/config/validate};
 * Kafka's JSON {@code {"name", "error_count", "groups", "configs": [{"definition": {...}, "value": {...}}]}}):
 * every setting the connector and the framework define, with its value and its errors. Immutable.
 *
 * @param name       the connector class's simple name
 * @param errorCount the number of error messages, all settings together
 * @param groups     the settings' groups, in order
 * @param configs    one entry per setting
 */
public record ConfigInfos(String name, int errorCount, List<String> groups, List<ConfigInfo> configs) {

    /** Copies the lists. */
    public ConfigInfos {
        groups = List.copyOf(groups);
        configs = List.copyOf(configs);
    }

    /**
     * @param definition the setting's definition
     * @param value      its value and errors
     */
    public record ConfigInfo(ConfigKeyInfo definition, ConfigValueInfo value) {
    }

    /**
     * A setting's definition.
     *
     * @param name          the name
     * @param type          {@code STRING}, {@code INT}, {@code LIST}...
     * @param required      whether it has no default
     * @param defaultValue  the default as a string, or null
     * @param importance    {@code HIGH}, {@code MEDIUM} or {@code LOW}
     * @param documentation what it means
     * @param group         its group, or null
     * @param orderInGroup  its position in the group, or -1
     * @param width         {@code NONE}, {@code SHORT}, {@code MEDIUM} or {@code LONG}
     * @param displayName   a human name
     * @param dependents    settings depending on it
     */
    public record ConfigKeyInfo(String name, String type, boolean required, String defaultValue, String importance,
                                String documentation, String group, int orderInGroup, String width,
                                String displayName, List<String> dependents) {
    }

    /**
     * A setting's value after validation.
     *
     * @param name              the name
     * @param value             the value as a string, or null
     * @param recommendedValues recommended values
     * @param errors            error messages; empty when valid
     * @param visible           whether it applies
     */
    public record ConfigValueInfo(String name, String value, List<String> recommendedValues, List<String> errors,
                                  boolean visible) {
    }
}
