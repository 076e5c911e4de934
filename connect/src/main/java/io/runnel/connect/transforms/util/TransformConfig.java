package io.runnel.connect.transforms.util;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A transformation's or predicate's parsed settings (Kafka Connect's {@code SimpleConfig}), plus the validators
 * they share. Cross-setting problems are collected with {@link #problem} and thrown together by
 * {@link #throwProblems()}, so a user sees every mistake at once. Not thread-safe while problems are collected.
 */
public final class TransformConfig extends AbstractConfig {

    /** The setting choosing between nulls and defaults in struct fields (KIP-1040). */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private final List<String> problems = new ArrayList<>();

    /**
     * @param definition the settings' definition
     * @param originals  the settings
     * @throws ConfigException naming every invalid setting
     */
    public TransformConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals);
    }

    /**
     * Records a cross-setting problem.
     *
     * @param message what is wrong and what to do
     * @return this
     */
    public TransformConfig problem(String message) {
        problems.add(message);
        return this;
    }

    /** @throws ConfigException with every recorded problem, if any */
    public void throwProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Adds the {@value #REPLACE_NULL_WITH_DEFAULT_CONFIG} setting (default true) to a definition.
     *
     * @param def a definition
     * @return {@code def}
     */
    public static ConfigDef withReplaceNullWithDefault(ConfigDef def) {
        return def.define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                "Whether to replace fields that have a default value and that are null to the default value. When "
                        + "set to true, the default value is used, otherwise null is used.");
    }

    /** @return a validator accepting non-empty lists */
    public static ConfigDef.Validator nonEmptyList() {
        return (name, value) -> {
            if (value == null || ((List<?>) value).isEmpty()) {
                throw new ConfigException(name, value, "Empty list");
            }
        };
    }

    /** @return a validator accepting strings that compile as Java regular expressions (null is accepted) */
    public static ConfigDef.Validator regex() {
        return (name, value) -> {
            if (value == null) {
                return;
            }
            try {
                Pattern.compile((String) value);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, value, "Invalid regex: " + e.getDescription());
            }
        };
    }

    /** @return a validator accepting non-null strings */
    public static ConfigDef.Validator nonNullString() {
        return (name, value) -> {
            if (value == null) {
                throw new ConfigException(name, null, "Value must be a non-null string");
            }
        };
    }

    /**
     * @return a validator accepting lists of {@code a:b} pairs
     */
    public static ConfigDef.Validator colonPairs() {
        return (name, value) -> {
            for (Object element : (List<?>) value) {
                String[] parts = String.valueOf(element).split(":");
                if (parts.length != 2) {
                    throw new ConfigException(name, value, "Invalid rename mapping: " + element
                            + " (expected a list of colon-delimited pairs, e.g. foo:bar,abc:xyz)");
                }
            }
        };
    }
}
