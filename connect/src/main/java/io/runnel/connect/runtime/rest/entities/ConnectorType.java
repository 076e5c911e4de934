package io.runnel.connect.runtime.rest.entities;

import java.util.Locale;

/** A connector's kind, written in lower case in JSON ({@code "source"}, {@code "sink"}), as Kafka Connect. */
public enum ConnectorType {
    /** A source connector. */
    SOURCE,
    /** A sink connector. */
    SINK,
    /** Not known (the class cannot be found). */
    UNKNOWN;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
