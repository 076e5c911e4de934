package io.runnel.common.config;

import java.util.Objects;

/**
 * A secret setting's value ({@link ConfigDef.Type#PASSWORD}); {@link #toString()} hides it so it never reaches
 * a log. Immutable.
 */
public final class Password {

    /** What {@link #toString()} prints instead of the value. */
    public static final String HIDDEN = "[hidden]";

    private final String value;

    /** @param value the secret */
    public Password(String value) {
        this.value = value;
    }

    /** @return the secret itself */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password p && Objects.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
