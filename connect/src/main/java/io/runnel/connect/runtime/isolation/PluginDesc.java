package io.runnel.connect.runtime.isolation;

/**
 * One discovered plugin: its class, version, kind and where it came from. Immutable.
 *
 * @param <T>         the plugin's SPI type
 * @param pluginClass the class
 * @param version     its version ({@code Versioned.version()}), or {@value #UNDEFINED_VERSION}
 * @param type        its kind
 * @param location    the jar or directory it came from, or {@value #CLASSPATH} for the application class path
 * @param loader      the class loader that loaded it
 */
public record PluginDesc<T>(Class<? extends T> pluginClass, String version, PluginType type, String location,
                            ClassLoader loader) {

    /** The version of plugins that do not report one. */
    public static final String UNDEFINED_VERSION = "undefined";
    /** The location of plugins found on the application class path. */
    public static final String CLASSPATH = "classpath";

    /** @return the plugin's fully qualified class name */
    public String className() {
        return pluginClass.getName();
    }

    @Override
    public String toString() {
        return "PluginDesc{klass=" + className() + ", version='" + version + "', type=" + type + ", location='"
                + location + "'}";
    }
}
