package io.runnel.connect.components;

/** A plugin that reports its version, shown by the REST API's {@code /connector-plugins} and in logs. */
public interface Versioned {

    /** @return the plugin's version, never null (for example {@code "1.0.0"}) */
    String version();
}
