package io.runnel.common.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of validating one setting ({@link ConfigDef#validate}): its name, parsed value, recommended
 * values and error messages. This is what Kafka Connect's {@code /connector-plugins/{type}/config/validate}
 * reports per field. Mutable, not thread-safe.
 */
public final class ConfigValue {

    private final String name;
    private Object value;
    private List<Object> recommendedValues;
    private final List<String> errorMessages;
    private boolean visible;

    /** @param name the setting */
    public ConfigValue(String name) {
        this(name, null, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * @param name              the setting
     * @param value             the parsed value, or null
     * @param recommendedValues suggested values (may be empty)
     * @param errorMessages     problems found (may be empty)
     */
    public ConfigValue(String name, Object value, List<Object> recommendedValues, List<String> errorMessages) {
        this.name = name;
        this.value = value;
        this.recommendedValues = recommendedValues;
        this.errorMessages = errorMessages;
        this.visible = true;
    }

    /** @return the setting's name */
    public String name() {
        return name;
    }

    /** @return the parsed value, or null */
    public Object value() {
        return value;
    }

    /** @return suggested values */
    public List<Object> recommendedValues() {
        return recommendedValues;
    }

    /** @return the problems found, empty when valid */
    public List<String> errorMessages() {
        return errorMessages;
    }

    /** @return whether the setting applies given the other settings */
    public boolean visible() {
        return visible;
    }

    /** @param value the parsed value */
    public void value(Object value) {
        this.value = value;
    }

    /** @param recommendedValues suggested values */
    public void recommendedValues(List<Object> recommendedValues) {
        this.recommendedValues = recommendedValues;
    }

    /** @param errorMessage a problem to report */
    public void addErrorMessage(String errorMessage) {
        this.errorMessages.add(errorMessage);
    }

    /** @param visible whether the setting applies */
    public void visible(boolean visible) {
        this.visible = visible;
    }

    @Override
    public String toString() {
        return "[" + name + "," + (value instanceof Password ? Password.HIDDEN : value) + ","
                + recommendedValues + "," + errorMessages + "," + visible + "]";
    }
}
