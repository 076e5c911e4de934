package io.runnel.common.config;

import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;
import io.runnel.common.config.ConfigDef.ValidString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigDefTest {

    private final ConfigDef def = new ConfigDef()
            .define("batch.size", Type.INT, 16384, Range.atLeast(0), Importance.MEDIUM, "bytes")
            .define("linger.ms", Type.LONG, 5, Importance.MEDIUM, "ms")
            .define("acks", Type.STRING, "all", ValidString.in("0", "1", "all", "-1"), Importance.HIGH, "acks")
            .define("enable.idempotence", Type.BOOLEAN, true, Importance.LOW, "idempotence")
            .define("bootstrap.servers", Type.LIST, Importance.HIGH, "where the log is")
            .define("key.serializer", Type.CLASS, null, Importance.HIGH, "serializer")
            .defineUnsupported("transactional.id", "transactions are not supported yet");

    @Test
    void shouldParseStringsAndDefaults() {
        Map<String, Object> parsed = def.parse(Map.of("bootstrap.servers", " file:///a , file:///b ",
                "linger.ms", "7", "enable.idempotence", "FALSE", "key.serializer", "java.lang.String"));
        assertThat(parsed).containsEntry("batch.size", 16384).containsEntry("linger.ms", 7L)
                .containsEntry("enable.idempotence", false).containsEntry("acks", "all")
                .containsEntry("bootstrap.servers", List.of("file:///a", "file:///b"))
                .containsEntry("key.serializer", String.class);
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        assertThatThrownBy(() -> def.parse(Map.of("batch.size", "-1", "acks", "2", "linger.ms", "soon",
                "transactional.id", "tx")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(5))
                .hasMessageContaining("batch.size").hasMessageContaining("acks")
                .hasMessageContaining("linger.ms").hasMessageContaining("bootstrap.servers")
                .hasMessageContaining("transactional.id is not supported by Runnel: transactions are not supported yet");
    }

    @Test
    void shouldNameMissingClass() {
        assertThatThrownBy(() -> def.parse(Map.of("bootstrap.servers", "x", "key.serializer", "no.such.Clazz")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no.such.Clazz could not be found");
    }

    @Test
    void shouldValidateFieldByFieldWithoutThrowing() {
        List<ConfigValue> values = def.validate(Map.of("batch.size", "x", "bootstrap.servers", "a"));
        assertThat(values).filteredOn(v -> v.name().equals("batch.size")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).singleElement().asString().contains("batch.size"));
        assertThat(values).filteredOn(v -> v.name().equals("acks")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).isEmpty());
    }

    @Test
    void shouldRejectInvalidDefaultAndDuplicateNames() {
        assertThatThrownBy(() -> new ConfigDef().define("a", Type.INT, -1, Range.atLeast(0), Importance.LOW, ""))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new ConfigDef().define("a", Type.INT, 1, Importance.LOW, "")
                .define("a", Type.INT, 1, Importance.LOW, "")).hasMessageContaining("defined twice");
    }

    @Test
    void abstractConfigShouldKeepUnknownSettingsForPlugins() {
        AbstractConfig config = new AbstractConfig(def, Map.of("bootstrap.servers", "a", "my.plugin.setting", "1",
                "producer.acks", "1"));
        assertThat(config.unused()).containsExactly("my.plugin.setting", "producer.acks");
        assertThat(config.originalsWithPrefix("producer.")).containsEntry("acks", "1");
        assertThat(config.getInt("batch.size")).isEqualTo(16384);
        assertThatThrownBy(() -> config.getInt("nope")).isInstanceOf(ConfigException.class);
    }
}
