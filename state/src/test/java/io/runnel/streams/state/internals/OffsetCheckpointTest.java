package io.runnel.streams.state.internals;

import io.runnel.common.TopicPartition;
import io.runnel.streams.errors.ProcessorStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetCheckpointTest {

    @TempDir
    File dir;

    @Test
    void shouldRoundTripOffsetsInKafkasTextFormat() throws Exception {
        OffsetCheckpoint checkpoint = new OffsetCheckpoint(new File(dir, ".checkpoint"));
        Map<TopicPartition, Long> offsets = Map.of(new TopicPartition("app-counts-changelog", 3), 1041L,
                new TopicPartition("app-sessions-changelog", 3), 0L);
        checkpoint.write(offsets);
        assertThat(checkpoint.read()).isEqualTo(offsets);
        assertThat(Files.readAllLines(checkpoint.file().toPath(), StandardCharsets.UTF_8))
                .containsExactly("0", "2", "app-counts-changelog 3 1041", "app-sessions-changelog 3 0");
        assertThat(new File(dir, ".checkpoint.tmp")).doesNotExist();
        checkpoint.write(Map.of());
        assertThat(checkpoint.read()).isEmpty();
    }

    @Test
    void shouldReadAMissingFileAsNoCheckpoint() {
        assertThat(new OffsetCheckpoint(new File(dir, "absent")).read()).isEmpty();
    }

    @Test
    void shouldRejectNegativeOffsetsOnWrite() {
        OffsetCheckpoint checkpoint = new OffsetCheckpoint(new File(dir, ".checkpoint"));
        assertThatThrownBy(() -> checkpoint.write(Map.of(new TopicPartition("t", 0), -1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void shouldNameTheProblemInAMalformedFile() throws Exception {
        File file = new File(dir, ".checkpoint");
        OffsetCheckpoint checkpoint = new OffsetCheckpoint(file);
        Files.writeString(file.toPath(), "1\n0\n");
        assertThatThrownBy(checkpoint::read).isInstanceOf(ProcessorStateException.class)
                .hasMessageContaining("unknown version 1").hasMessageContaining("Delete it");
        Files.writeString(file.toPath(), "0\n2\nt 0 5\n");
        assertThatThrownBy(checkpoint::read).hasMessageContaining("announces 2 entries but has 1");
        Files.writeString(file.toPath(), "0\n1\nt zero 5\n");
        assertThatThrownBy(checkpoint::read).hasMessageContaining("line 3");
        Files.writeString(file.toPath(), "0\n1\nt 0 x\n");
        assertThatThrownBy(checkpoint::read).hasMessageContaining("offset 'x'");
        Files.writeString(file.toPath(), "");
        assertThatThrownBy(checkpoint::read).hasMessageContaining("0 lines");
    }
}
