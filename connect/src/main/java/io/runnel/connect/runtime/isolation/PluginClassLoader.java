package io.runnel.connect.runtime.isolation;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;

/**
 * Loads one plugin (a jar, or a directory of jars and classes) in isolation, as Kafka Connect's {@code
 * PluginClassLoader}.
 *
 * <h2>Design</h2>
 * A class name is looked up in this order:
 * <ol>
 *   <li>Runnel's shared classes — every {@code io.runnel.*} class except the Connect runtime ({@code
 *   io.runnel.connect.runtime.*}), and SLF4J — always come from the parent (the loader that holds Runnel), so a
 *   plugin and the runtime agree on {@code Connector}, {@code Schema}, {@code ConfigDef}... even if the plugin
 *   bundles its own copy.</li>
 *   <li>The JDK (the platform class loader).</li>
 *   <li>The plugin's own jars and classes.</li>
 * </ol>
 * Nothing else is visible: not the application class path (where Runnel's own dependencies such as Jackson
 * live), not the runtime, not other plugins. Two plugins may therefore carry different versions of the same
 * library, or even the same class name, without seeing each other's. Resources follow the same rule minus the
 * parent: a plugin's {@code META-INF/services} lists only its own providers.
 *
 * <p>Thread-safe (parallel capable).
 */
public class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String location;

    /**
     * @param location the plugin's jar or directory, for messages and {@link PluginDesc#location()}
     * @param urls     the jars and class directories of the plugin
     * @param parent   the loader holding Runnel's shared classes
     */
    public PluginClassLoader(String location, URL[] urls, ClassLoader parent) {
        super("plugin:" + location, urls, parent);
        this.location = location;
    }

    /** @return the plugin's jar or directory */
    public String location() {
        return location;
    }

    /**
     * @param name a binary class name
     * @return whether it is one of Runnel's shared classes, always loaded by the parent
     */
    static boolean isShared(String name) {
        return (name.startsWith("io.runnel.") && !name.startsWith("io.runnel.connect.runtime."))
                || name.startsWith("org.slf4j.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isShared(name)) {
                    c = getParent().loadClass(name);
                } else {
                    try {
                        c = ClassLoader.getPlatformClassLoader().loadClass(name);
                    } catch (ClassNotFoundException e) {
                        try {
                            c = findClass(name);
                        } catch (ClassNotFoundException notInPlugin) {
                            throw new ClassNotFoundException(name + " is not in plugin " + location + " (a plugin "
                                    + "sees only its own classes, the JDK and Runnel's SPI)", notInPlugin);
                        }
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL url = findResource(name);
        return url != null ? url : ClassLoader.getPlatformClassLoader().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return findResources(name);
    }

    @Override
    public String toString() {
        return "PluginClassLoader{location=" + location + "}";
    }
}
