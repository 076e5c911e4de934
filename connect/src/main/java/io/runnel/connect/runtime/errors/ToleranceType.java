package io.runnel.connect.runtime.errors;

import java.util.Locale;

/** How many record failures a task tolerates ({@code errors.tolerance}). */
public enum ToleranceType {
    /** Any failure fails the task (the default). */
    NONE,
    /** Failed records are skipped (and reported); the task goes on. */
    ALL;

    /** @return the lower-case configuration value */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
