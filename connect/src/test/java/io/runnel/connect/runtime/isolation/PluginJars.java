package io.runnel.connect.runtime.isolation;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.source.SourceConnector;
import org.slf4j.Logger;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Test helper: compiles Java sources against Runnel's SPI and packs them as a plugin jar. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * @param work     a scratch directory
     * @param jar      the jar to write
     * @param sources  class name to source text
     * @param services service file name to its lines
     * @return {@code jar}
     */
    static Path build(Path work, Path jar, Map<String, String> sources, Map<String, String> services)
            throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Path classes = Files.createTempDirectory(work, "classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file.toString());
        }
        String classpath = String.join(java.io.File.pathSeparator, location(SourceConnector.class),
                location(ConfigDef.class), location(Logger.class));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-classpath", classpath, "-d", classes.toString(),
                "--release", "17", "-proc:none"));
        args.addAll(files);
        int rc = compiler.run(null, null, errors, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("Compiling the test plugin failed: " + errors.toString(StandardCharsets.UTF_8));
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(p));
                    jos.closeEntry();
                }
            }
            for (Map.Entry<String, String> e : services.entrySet()) {
                jos.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                jos.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
        }
        return jar;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source connector whose task configuration reports what its class loader can see. */
    static String probeConnector(String pkg, String name, String version) {
        return """
                package %1$s;

                import io.runnel.common.config.ConfigDef;
                import io.runnel.connect.connector.Task;
                import io.runnel.connect.source.SourceConnector;
                import io.runnel.connect.source.SourceRecord;
                import io.runnel.connect.source.SourceTask;
                import java.util.HashMap;
                import java.util.List;
                import java.util.Map;

                public class %2$s extends SourceConnector {
                    private final boolean tccl = Thread.currentThread().getContextClassLoader() == getClass().getClassLoader();
                    public String version() { return "%3$s"; }
                    public void start(Map<String, String> props) { }
                    public Class<? extends Task> taskClass() { return ProbeTask.class; }
                    public List<Map<String, String>> taskConfigs(int maxTasks) {
                        Map<String, String> m = new HashMap<>();
                        m.put("shared", com.example.Shared.version());
                        m.put("jackson", visible("com.fasterxml.jackson.databind.ObjectMapper"));
                        m.put("runtime", visible("io.runnel.connect.runtime.isolation.Plugins"));
                        m.put("spi", visible("io.runnel.connect.data.Struct"));
                        m.put("otherA", visible("com.example.a.AConnector"));
                        m.put("otherB", visible("com.example.b.BConnector"));
                        m.put("tccl", String.valueOf(tccl));
                        return List.of(m);
                    }
                    public void stop() { }
                    public ConfigDef config() { return new ConfigDef(); }
                    static String visible(String name) {
                        try {
                            Class.forName(name, false, %2$s.class.getClassLoader());
                            return "yes";
                        } catch (ClassNotFoundException e) {
                            return "no";
                        }
                    }
                    public static class ProbeTask extends SourceTask {
                        public String version() { return "%3$s"; }
                        public void start(Map<String, String> props) { }
                        public List<SourceRecord> poll() { return null; }
                        public void stop() { }
                    }
                }
                """.formatted(pkg, name, version);
    }

    static String shared(String version) {
        return """
                package com.example;

                public class Shared {
                    public static String version() { return "%s"; }
                }
                """.formatted(version);
    }

    static String dupConnector(String version) {
        return """
                package com.example.dup;

                import io.runnel.common.config.ConfigDef;
                import io.runnel.connect.connector.Task;
                import io.runnel.connect.source.SourceConnector;
                import java.util.List;
                import java.util.Map;

                public class DupConnector extends SourceConnector {
                    public String version() { return "%s"; }
                    public void start(Map<String, String> props) { }
                    public Class<? extends Task> taskClass() { return null; }
                    public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(); }
                    public void stop() { }
                    public ConfigDef config() { return new ConfigDef(); }
                }
                """.formatted(version);
    }

    static final String UPPER_CASE = """
            package com.example.b;

            import io.runnel.common.config.ConfigDef;
            import io.runnel.connect.connector.ConnectRecord;
            import io.runnel.connect.transforms.Transformation;
            import java.util.Map;

            public class UpperCase<R extends ConnectRecord<R>> implements Transformation<R> {
                private static final ConfigDef DEF = new ConfigDef()
                        .define("suffix", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW, "Appended.");
                private String suffix;
                public void configure(Map<String, ?> configs) {
                    Object s = configs.get("suffix");
                    suffix = s == null ? "" : String.valueOf(s);
                }
                public R apply(R r) {
                    return r.newRecord(r.topic(), r.kafkaPartition(), r.keySchema(), r.key(), r.valueSchema(),
                            String.valueOf(r.value()).toUpperCase() + suffix + com.example.Shared.version(), r.timestamp());
                }
                public ConfigDef config() { return DEF; }
                public void close() { }
            }
            """;
}
