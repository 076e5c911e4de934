package io.runnel.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapServerOptionTest {

    @Test
    void shouldKeepUrisAndHostPortListsAndTurnPathsIntoFileUris() {
        assertThat(BootstrapServerOption.resolve("file:///var/lib/runnel")).isEqualTo("file:///var/lib/runnel");
        assertThat(BootstrapServerOption.resolve("file:data")).isEqualTo("file:data");
        assertThat(BootstrapServerOption.resolve("localhost:9092")).isEqualTo("localhost:9092");
        assertThat(BootstrapServerOption.resolve("a:9092,b:9093")).isEqualTo("a:9092,b:9093");
        assertThat(BootstrapServerOption.resolve("/var/lib/runnel/")).isEqualTo("file:///var/lib/runnel");
        assertThat(BootstrapServerOption.resolve("data/../logs"))
                .isEqualTo("file://" + Path.of("logs").toAbsolutePath());
        assertThat(BootstrapServerOption.resolve("runnel-data")).isEqualTo("file://" + Path.of("runnel-data").toAbsolutePath());
    }
}
