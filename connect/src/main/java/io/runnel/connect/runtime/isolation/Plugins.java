package io.runnel.connect.runtime.isolation;

import io.runnel.connect.components.Versioned;
import io.runnel.connect.connector.Connector;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.storage.Converter;
import io.runnel.connect.storage.HeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds, resolves and instantiates Connect plugins, as Kafka Connect's {@code Plugins}.
 *
 * <h2>Design</h2>
 * Discovery happens once, in the constructor. Plugins on the application class path (Runnel's built-ins among
 * them) are found with {@link ServiceLoader} through the parent class loader. Each entry of {@code plugin.path}
 * is a jar (one plugin), or a directory whose jars and sub-directories are one plugin each (a sub-directory's
 * jars and classes together); each plugin gets its own {@link PluginClassLoader} and is searched with {@link
 * ServiceLoader} for every {@link PluginType}. A plugin path entry that cannot be read is logged and listed in
 * {@link #scanErrors()}, so one broken plugin does not stop the worker.
 *
 * <p>A plugin is named by its fully qualified class name or by an alias: its simple binary name ({@code
 * FileStreamSourceConnector}, {@code InsertField$Value}) or that name without the kind's suffix ({@code
 * FileStreamSource}, {@code Json}), as long as no other plugin has the same alias. Runnel's built-ins also
 * answer to their Apache Kafka names ({@code org.apache.kafka.connect.file.FileStreamSourceConnector}), so
 * Kafka Connect configuration files work unchanged. When several plugins have the same class name (different
 * versions in different locations), the highest version wins.
 *
 * <p>Instances are created with the thread's context class loader set to the plugin's loader (as Kafka does),
 * so plugins that load classes by name find their own. Immutable after construction and thread-safe.
 */
public class Plugins {

    private static final Logger log = LoggerFactory.getLogger(Plugins.class);
    private static final String RUNNEL_PREFIX = "io.runnel.connect.";
    private static final String KAFKA_PREFIX = "org.apache.kafka.connect.";

    private final ClassLoader parent;
    private final Map<PluginType, List<PluginDesc<?>>> byType = new EnumMap<>(PluginType.class);
    private final Map<String, List<PluginDesc<?>>> byClassName = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Set<String>> ambiguousAliases = new HashMap<>();
    private final List<String> scanErrors = new ArrayList<>();
    private final ClassLoader delegatingLoader;

    /**
     * Discovers the plugins on the class path and on {@code plugin.path}.
     *
     * @param pluginPath the {@code plugin.path} entries (jars or directories), may be empty
     */
    public Plugins(List<String> pluginPath) {
        this(pluginPath, Plugins.class.getClassLoader());
    }

    /**
     * @param pluginPath the {@code plugin.path} entries
     * @param parent     the loader holding Runnel and the class-path plugins
     */
    public Plugins(List<String> pluginPath, ClassLoader parent) {
        this.parent = parent;
        for (PluginType type : PluginType.values()) {
            byType.put(type, new ArrayList<>());
        }
        scan(parent, PluginDesc.CLASSPATH, true);
        for (String entry : pluginPath == null ? List.<String>of() : pluginPath) {
            for (PluginLocation location : locations(entry.trim())) {
                PluginClassLoader loader = new PluginClassLoader(location.name(), location.urls(), parent);
                scan(loader, location.name(), false);
            }
        }
        byType.values().forEach(list -> list.sort(Comparator.comparing((PluginDesc<?> d) -> d.className())
                .thenComparing(PluginDesc::version, Plugins::compareVersions)));
        buildAliases();
        this.delegatingLoader = new DelegatingLoader();
    }

    private record PluginLocation(String name, URL[] urls) {
    }

    private List<PluginLocation> locations(String entry) {
        if (entry.isEmpty()) {
            return List.of();
        }
        Path path = Paths.get(entry).toAbsolutePath().normalize();
        List<PluginLocation> result = new ArrayList<>();
        try {
            if (Files.isRegularFile(path) && isArchive(path)) {
                result.add(new PluginLocation(path.toString(), new URL[] {path.toUri().toURL()}));
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    for (Path child : children.sorted().toList()) {
                        if (Files.isRegularFile(child) && isArchive(child)) {
                            result.add(new PluginLocation(child.toString(), new URL[] {child.toUri().toURL()}));
                        } else if (Files.isDirectory(child)) {
                            result.add(new PluginLocation(child.toString(), directoryUrls(child)));
                        }
                    }
                }
            } else {
                error("plugin.path entry " + path + " is neither a jar nor a directory; it is ignored");
            }
        } catch (IOException e) {
            error("Could not read plugin.path entry " + path + ": " + e);
        }
        return result;
    }

    private static URL[] directoryUrls(Path dir) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(dir.toUri().toURL());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p) && isArchive(p)) {
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IOException(e);
        }
        return urls.toArray(new URL[0]);
    }

    private static boolean isArchive(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    private void error(String message) {
        log.warn(message);
        scanErrors.add(message);
    }

    private void scan(ClassLoader loader, String location, boolean classpath) {
        for (PluginType type : PluginType.values()) {
            ServiceLoader<?> services = ServiceLoader.load(type.superClass(), loader);
            Iterator<?> it = services.iterator();
            while (true) {
                Object instance;
                ClassLoader saved = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(loader);
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    instance = it.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    error("Could not load a " + type + " plugin from " + location + ": " + e);
                    continue;
                } finally {
                    Thread.currentThread().setContextClassLoader(saved);
                }
                if (!classpath && instance.getClass().getClassLoader() != loader) {
                    continue;
                }
                add(type, instance, classpath ? PluginDesc.CLASSPATH : location);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // ServiceLoader gave an instance of type.superClass()
    private void add(PluginType type, Object instance, String location) {
        String version = PluginDesc.UNDEFINED_VERSION;
        if (instance instanceof Versioned v) {
            try {
                String reported = v.version();
                version = reported == null ? PluginDesc.UNDEFINED_VERSION : reported;
            } catch (RuntimeException e) {
                log.warn("Plugin {} failed to report its version", instance.getClass().getName(), e);
            }
        }
        PluginDesc<?> desc = new PluginDesc(instance.getClass(), version, type, location,
                instance.getClass().getClassLoader());
        List<PluginDesc<?>> sameName = byClassName.computeIfAbsent(desc.className(), k -> new ArrayList<>());
        for (PluginDesc<?> existing : sameName) {
            if (existing.type() == type && existing.location().equals(location)) {
                return;
            }
        }
        sameName.add(desc);
        byType.get(type).add(desc);
        log.debug("Found plugin {}", desc);
    }

    private void buildAliases() {
        Map<String, Set<String>> candidates = new HashMap<>();
        for (List<PluginDesc<?>> descs : byType.values()) {
            for (PluginDesc<?> desc : descs) {
                String name = desc.className();
                String simple = name.substring(name.lastIndexOf('.') + 1);
                candidates.computeIfAbsent(simple, k -> new TreeSet<>()).add(name);
                String suffix = desc.type().aliasSuffix();
                if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
                    candidates.computeIfAbsent(simple.substring(0, simple.length() - suffix.length()),
                            k -> new TreeSet<>()).add(name);
                }
                if (name.startsWith(RUNNEL_PREFIX) && PluginDesc.CLASSPATH.equals(desc.location())) {
                    candidates.computeIfAbsent(KAFKA_PREFIX + name.substring(RUNNEL_PREFIX.length()),
                            k -> new TreeSet<>()).add(name);
                }
            }
        }
        candidates.forEach((alias, names) -> {
            if (byClassName.containsKey(alias)) {
                return;
            }
            if (names.size() == 1) {
                aliases.put(alias, names.iterator().next());
            } else {
                ambiguousAliases.put(alias, names);
            }
        });
    }

    /** @return problems met while scanning {@code plugin.path} (each also logged) */
    public List<String> scanErrors() {
        return Collections.unmodifiableList(scanErrors);
    }

    /**
     * @param type a kind of plugin
     * @return every plugin of that kind, sorted by class name and version
     */
    public List<PluginDesc<?>> plugins(PluginType type) {
        return Collections.unmodifiableList(byType.get(type));
    }

    /**
     * @param nameOrAlias a class name or alias
     * @return the full class name it stands for (itself when it is not an alias)
     */
    public String resolveAlias(String nameOrAlias) {
        return aliases.getOrDefault(nameOrAlias, nameOrAlias);
    }

    /**
     * Finds a plugin by class name or alias among the given kinds.
     *
     * @param nameOrAlias a class name or alias
     * @param types       the kinds accepted
     * @return the plugin (the highest version when several have the name)
     * @throws ConnectException naming the kinds and the available plugins when none matches or the alias is
     *         ambiguous
     */
    public PluginDesc<?> pluginDesc(String nameOrAlias, PluginType... types) {
        Set<String> ambiguous = ambiguousAliases.get(nameOrAlias);
        if (ambiguous != null) {
            throw new ConnectException("'" + nameOrAlias + "' is an alias of more than one plugin " + ambiguous
                    + "; use the fully qualified class name");
        }
        String name = resolveAlias(nameOrAlias);
        List<PluginType> accepted = Arrays.asList(types);
        PluginDesc<?> best = null;
        for (PluginDesc<?> desc : byClassName.getOrDefault(name, List.of())) {
            if (accepted.contains(desc.type()) && (best == null || compareVersions(desc.version(), best.version()) > 0)) {
                best = desc;
            }
        }
        if (best == null) {
            String kinds = accepted.stream().map(t -> t.superClass().getSimpleName()).collect(Collectors.joining(
                    " or "));
            String available = accepted.stream().flatMap(t -> byType.get(t).stream()).map(PluginDesc::className)
                    .distinct().sorted().collect(Collectors.joining(", "));
            throw new ConnectException("Failed to find any class that implements " + kinds + " and which name matches "
                    + nameOrAlias + ", available plugins are: " + available);
        }
        return best;
    }

    /**
     * @param nameOrAlias a connector class name or alias
     * @return a new, uninitialized connector
     * @throws ConnectException when there is no such connector or it cannot be instantiated
     */
    public Connector newConnector(String nameOrAlias) {
        return newPlugin(pluginDesc(nameOrAlias, PluginType.SOURCE, PluginType.SINK), Connector.class);
    }

    /**
     * Instantiates a connector's task class (from {@code Connector.taskClass()}) with the task's own class loader
     * as context loader.
     *
     * @param <T>       the task type
     * @param taskClass the task class
     * @return a new, uninitialized task
     * @throws ConnectException when the class cannot be instantiated
     */
    public <T extends io.runnel.connect.connector.Task> T newTask(Class<T> taskClass) {
        return withClassLoader(taskClass.getClassLoader(), () -> {
            try {
                return taskClass.getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new ConnectException("Could not instantiate task " + taskClass.getName()
                        + ": its constructor threw " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new ConnectException("Could not instantiate task " + taskClass.getName() + " (it needs a public "
                        + "no-argument constructor): " + e, e);
            }
        });
    }

    /**
     * Creates and configures a key or value converter.
     *
     * @param nameOrAlias a converter class name or alias
     * @param configs     its settings (prefix removed)
     * @param isKey       whether it converts keys
     * @return the configured converter
     * @throws ConnectException when there is no such converter or it cannot be instantiated
     * @throws io.runnel.common.config.ConfigException when its settings are invalid
     */
    public Converter newConverter(String nameOrAlias, Map<String, ?> configs, boolean isKey) {
        PluginDesc<?> desc = pluginDesc(nameOrAlias, PluginType.CONVERTER);
        Converter converter = newPlugin(desc, Converter.class);
        withClassLoader(desc.loader(), () -> {
            converter.configure(configs, isKey);
            return null;
        });
        return converter;
    }

    /**
     * Creates and configures a header converter.
     *
     * @param nameOrAlias a header converter class name or alias
     * @param configs     its settings (prefix removed); {@code converter.type=header} is added
     * @return the configured converter
     */
    public HeaderConverter newHeaderConverter(String nameOrAlias, Map<String, ?> configs) {
        PluginDesc<?> desc = pluginDesc(nameOrAlias, PluginType.HEADER_CONVERTER);
        HeaderConverter converter = newPlugin(desc, HeaderConverter.class);
        Map<String, Object> conf = new LinkedHashMap<>(configs);
        conf.put("converter.type", "header");
        withClassLoader(desc.loader(), () -> {
            converter.configure(conf);
            return null;
        });
        return converter;
    }

    /**
     * Instantiates a plugin through its public no-argument constructor, with the context class loader set to the
     * plugin's.
     *
     * @param <T>  the expected type
     * @param desc the plugin
     * @param type the expected type
     * @return the new instance
     * @throws ConnectException when the class does not implement {@code type} or cannot be instantiated
     */
    public <T> T newPlugin(PluginDesc<?> desc, Class<T> type) {
        Class<?> c = desc.pluginClass();
        if (!type.isAssignableFrom(c)) {
            throw new ConnectException(c.getName() + " is not a " + type.getName());
        }
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(desc.loader());
        try {
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new ConnectException("Could not instantiate plugin " + c.getName() + ": its constructor threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConnectException("Could not instantiate plugin " + c.getName() + " (it needs a public "
                    + "no-argument constructor): " + e, e);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /**
     * A class loader that finds plugin classes by name or alias in their own loaders and everything else in the
     * parent: set it as the context class loader while parsing configuration that names plugin classes.
     *
     * @return the delegating loader
     */
    public ClassLoader delegatingLoader() {
        return delegatingLoader;
    }

    /**
     * Runs code with the thread's context class loader set to {@code loader}.
     *
     * @param <T>    the result type
     * @param loader the loader to use
     * @param action the code
     * @return its result
     */
    public static <T> T withClassLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /** Orders versions by their numeric parts, then lexically; "undefined" sorts first. */
    static int compareVersions(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(PluginDesc.UNDEFINED_VERSION)) {
            return -1;
        }
        if (b.equals(PluginDesc.UNDEFINED_VERSION)) {
            return 1;
        }
        String[] pa = a.split("[.\\-]");
        String[] pb = b.split("[.\\-]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "0";
            String y = i < pb.length ? pb[i] : "0";
            int c;
            if (x.matches("\\d+") && y.matches("\\d+")) {
                c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Loads plugin classes by name or alias from their plugin's loader, everything else from the parent. */
    private final class DelegatingLoader extends ClassLoader {
        DelegatingLoader() {
            super("runnel-plugins", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            List<PluginDesc<?>> descs = byClassName.get(name);
            if (descs != null && !descs.isEmpty()) {
                PluginDesc<?> best = descs.stream().max((x, y) -> compareVersions(x.version(), y.version()))
                        .orElseThrow();
                return best.pluginClass();
            }
            return super.loadClass(name, resolve);
        }
    }

    /** @return every plugin, for listing */
    public Set<PluginDesc<?>> allPlugins() {
        Set<PluginDesc<?>> all = new HashSet<>();
        byType.values().forEach(all::addAll);
        return all;
    }
}
