package io.runnel.common.config;

import io.runnel.common.RunnelException;

import java.util.List;

/**
 * A configuration is invalid: a missing required setting, a value of the wrong type or out of range, or a
 * setting Runnel does not support. The message names every bad setting (not only the first), the value given
 * and what is accepted.
 */
public class ConfigException extends RunnelException {

    private final List<String> problems;

    /** @param message the whole problem, naming the setting */
    public ConfigException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    /**
     * @param name    the setting
     * @param value   the value given
     * @param message what is wrong with it and what is accepted
     */
    public ConfigException(String name, Object value, String message) {
        this("Invalid value " + value + " for configuration " + name
                + (message == null ? "" : ": " + message));
    }

    /**
     * One exception for several problems found at once.
     *
     * @param problems one sentence per bad setting; must not be empty
     */
    public ConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : "Invalid configuration (" + problems.size() + " problems): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one sentence per bad setting, in definition order */
    public List<String> problems() {
        return problems;
    }
}
