package io.runnel.connect.runtime.isolation;

import io.runnel.connect.connector.Connector;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.file.FileStreamSinkConnector;
import io.runnel.connect.file.FileStreamSourceConnector;
import io.runnel.connect.json.JsonConverter;
import io.runnel.connect.runtime.SourceConnectorConfig;
import io.runnel.connect.runtime.TransformationStage;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.storage.Converter;
import io.runnel.connect.transforms.InsertField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plugin discovery and isolation with plugin jars compiled in the test: plugin A is a jar directly in the
 * plugin.path directory, plugin B a sub-directory holding a jar; both carry a class com.example.Shared, in
 * different versions, and a connector com.example.dup.DupConnector, in different versions.
 */
class PluginsTest {

    @TempDir
    static Path dir;
    static Path pluginPath;
    static Plugins plugins;

    @BeforeAll
    static void buildPlugins() throws Exception {
        pluginPath = Files.createDirectories(dir.resolve("plugins"));
        Path work = Files.createDirectories(dir.resolve("work"));
        PluginJars.build(work, pluginPath.resolve("a-plugin.jar"), Map.of(
                "com.example.Shared", PluginJars.shared("A"),
                "com.example.a.AConnector", PluginJars.probeConnector("com.example.a", "AConnector", "1.0"),
                "com.example.dup.DupConnector", PluginJars.dupConnector("1.0")),
                Map.of("io.runnel.connect.source.SourceConnector", "com.example.a.AConnector\n"
                        + "com.example.dup.DupConnector\n"));
        PluginJars.build(work, pluginPath.resolve("b-plugin").resolve("lib").resolve("b.jar"), Map.of(
                "com.example.Shared", PluginJars.shared("B"),
                "com.example.b.BConnector", PluginJars.probeConnector("com.example.b", "BConnector", "2.1"),
                "com.example.dup.DupConnector", PluginJars.dupConnector("1.10"),
                "com.example.b.UpperCase", PluginJars.UPPER_CASE),
                Map.of("io.runnel.connect.source.SourceConnector", "com.example.b.BConnector\n"
                                + "com.example.dup.DupConnector\n",
                        "io.runnel.connect.transforms.Transformation", "com.example.b.UpperCase\n"));
        plugins = new Plugins(List.of(pluginPath.toString()));
    }

    private static Map<String, String> probe(String connector) {
        Connector c = plugins.newConnector(connector);
        assertThat(plugins.newTask(c.taskClass()).getClass().getClassLoader())
                .isSameAs(c.getClass().getClassLoader());
        return c.taskConfigs(1).get(0);
    }

    @Test
    void shouldLoadEachPluginInItsOwnClassLoader() {
        Map<String, String> a = probe("com.example.a.AConnector");
        Map<String, String> b = probe("com.example.b.BConnector");

        assertThat(a.get("shared")).isEqualTo("A");
        assertThat(b.get("shared")).isEqualTo("B");
        assertThat(a.get("otherB")).as("A does not see B's classes").isEqualTo("no");
        assertThat(b.get("otherA")).as("B does not see A's classes").isEqualTo("no");
        PluginDesc<?> descA = plugins.pluginDesc("AConnector", PluginType.SOURCE);
        PluginDesc<?> descB = plugins.pluginDesc("BConnector", PluginType.SOURCE);
        assertThat(descA.loader()).isInstanceOf(PluginClassLoader.class).isNotSameAs(descB.loader());
        assertThat(descA.location()).endsWith("a-plugin.jar");
        assertThat(descB.location()).endsWith("b-plugin");
    }

    @Test
    void shouldShowPluginsOnlyTheSpiAndTheJdkFromTheParent() {
        Map<String, String> a = probe("com.example.a.AConnector");

        assertThat(a.get("spi")).isEqualTo("yes");
        assertThat(a.get("runtime")).as("the runtime is hidden").isEqualTo("no");
        assertThat(a.get("jackson")).as("the application class path is hidden").isEqualTo("no");
        assertThat(a.get("tccl")).as("created with its own loader as context loader").isEqualTo("true");
    }

    @Test
    void shouldPickTheHighestVersionWhenPluginsShareAClassName() {
        PluginDesc<?> dup = plugins.pluginDesc("com.example.dup.DupConnector", PluginType.SOURCE);

        assertThat(dup.version()).isEqualTo("1.10");
        assertThat(dup.location()).endsWith("b-plugin");
        assertThat(plugins.plugins(PluginType.SOURCE)).filteredOn(d -> d.className().equals(dup.className()))
                .extracting(PluginDesc::version).containsExactly("1.0", "1.10");
    }

    @Test
    void shouldFindClassPathPluginsByClassNameAliasOrKafkaName() {
        assertThat(plugins.pluginDesc("FileStreamSource", PluginType.SOURCE).pluginClass())
                .isEqualTo(FileStreamSourceConnector.class);
        assertThat(plugins.pluginDesc("FileStreamSinkConnector", PluginType.SINK).pluginClass())
                .isEqualTo(FileStreamSinkConnector.class);
        assertThat(plugins.pluginDesc("org.apache.kafka.connect.file.FileStreamSourceConnector", PluginType.SOURCE)
                .location()).isEqualTo(PluginDesc.CLASSPATH);
        assertThat(plugins.pluginDesc("org.apache.kafka.connect.json.JsonConverter", PluginType.CONVERTER)
                .pluginClass()).isEqualTo(JsonConverter.class);
        assertThat(plugins.pluginDesc("InsertField$Value", PluginType.TRANSFORMATION).pluginClass())
                .isEqualTo(InsertField.Value.class);
        assertThat(plugins.pluginDesc("UpperCase", PluginType.TRANSFORMATION).location()).endsWith("b-plugin");
        assertThat(plugins.plugins(PluginType.PREDICATE)).hasSize(3);
    }

    @Test
    void shouldNameTheAvailablePluginsWhenOneIsMissing() {
        assertThatThrownBy(() -> plugins.newConnector("NoSuchConnector"))
                .isInstanceOf(ConnectException.class).hasMessageContaining("NoSuchConnector")
                .hasMessageContaining(FileStreamSourceConnector.class.getName());
        assertThatThrownBy(() -> plugins.pluginDesc("Json", PluginType.SOURCE)).isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldConfigureConvertersCreatedByName() {
        Converter converter = plugins.newConverter("JsonConverter", Map.of("schemas.enable", "false"), false);

        assertThat(new String(converter.fromConnectData("t", null, Map.of("a", 1L)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void shouldReportUnreadablePluginPathEntriesWithoutFailing() {
        Plugins withBroken = new Plugins(List.of(dir.resolve("does-not-exist").toString(), pluginPath.toString()));

        assertThat(withBroken.scanErrors()).singleElement().asString().contains("does-not-exist");
        assertThat(withBroken.pluginDesc("AConnector", PluginType.SOURCE)).isNotNull();
    }

    @Test
    void shouldConfigureAndApplyATransformationFromAPlugin() {
        SourceConnectorConfig config = new SourceConnectorConfig(plugins, Map.of("name", "c",
                "connector.class", "AConnector", "transforms", "up", "transforms.up.type", "UpperCase",
                "transforms.up.suffix", "!"));
        List<TransformationStage<SourceRecord>> stages = config.transformationStages();

        SourceRecord out = stages.get(0).apply(new SourceRecord(null, null, "t", null, "hello"));

        assertThat(out.value()).as("the plugin's own Shared class answers").isEqualTo("HELLO!B");
        stages.forEach(TransformationStage::close);
        assertThatThrownBy(() -> new SourceConnectorConfig(plugins, Map.of("name", "c",
                "connector.class", "AConnector", "transforms", "up", "transforms.up.type", "UpperCase",
                "transforms.up.suffix", "x", "transforms.up.predicate", "none")))
                .isInstanceOf(io.runnel.common.config.ConfigException.class)
                .hasMessageContaining("transforms.up.predicate");
    }

    @Test
    void shouldResolvePluginClassesThroughTheDelegatingLoader() throws Exception {
        Class<?> c = Class.forName("com.example.b.BConnector", false, plugins.delegatingLoader());

        assertThat(c.getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThat(Class.forName("java.lang.String", false, plugins.delegatingLoader())).isEqualTo(String.class);
        assertThat(Plugins.compareVersions("1.10", "1.9")).isPositive();
        assertThat(Plugins.compareVersions("undefined", "0.1")).isNegative();
    }
}
