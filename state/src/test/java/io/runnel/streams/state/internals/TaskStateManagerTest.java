package io.runnel.streams.state.internals;

import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.Serdes;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.MockStateStoreContext;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStateManagerTest {

    @TempDir
    File stateDir;

    private static List<ChangelogRecord> records(int from, int count) {
        List<ChangelogRecord> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            batch.add(new ChangelogRecord(("k" + i).getBytes(StandardCharsets.UTF_8),
                    ("v" + i).getBytes(StandardCharsets.UTF_8), i));
        }
        return batch;
    }

    @Test
    void shouldRestoreCheckpointOnFlushAndCloseAndResumeFromTheCheckpoint() {
        TopicPartition changelog = new TopicPartition("mock-app-counts-changelog", 0);
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            KeyValueStore<String, String> persistent = Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore("counts"), Serdes.String(), Serdes.String()).build();
            KeyValueStore<String, String> memory = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore("mem"), Serdes.String(), Serdes.String()).build();
            persistent.init(context, persistent);
            memory.init(context, memory);
            assertThat(context.stateManager().checkpointedOffsets()).isEmpty();
            context.restore("counts", records(0, 10));
            context.restore("mem", records(0, 5));
            assertThat(persistent.get("k9")).isEqualTo("v9");
            context.flush();
            assertThat(new OffsetCheckpoint(new File(context.stateDir(), ".checkpoint")).read())
                    .isEqualTo(Map.of(changelog, 9L)); // the in-memory store is never checkpointed
            persistent.put("k10", "v10"); // logged at offset 10
        }
        try (MockStateStoreContext reopened = new MockStateStoreContext(stateDir, Map.of())) {
            assertThat(reopened.stateManager().checkpointedOffsets()).isEqualTo(Map.of(changelog, 10L));
            KeyValueStore<String, String> persistent = Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore("counts"), Serdes.String(), Serdes.String()).build();
            persistent.init(reopened, persistent);
            assertThat(persistent.get("k10")).isEqualTo("v10");
            assertThat(reopened.stateManager().changelogOffsets()).isEqualTo(Map.of(changelog, 10L));
        }
    }

    @Test
    void shouldRejectTwoStoresWithOneName() {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            KeyValueStore<String, String> a = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("same"),
                    Serdes.String(), Serdes.String()).build();
            KeyValueStore<String, String> b = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("same"),
                    Serdes.String(), Serdes.String()).build();
            a.init(context, a);
            assertThatThrownBy(() -> b.init(context, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("same").hasMessageContaining("already been registered");
        }
    }

    @Test
    void shouldRejectRestoringAnUnknownStore() {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            assertThatThrownBy(() -> context.restore("nope", records(0, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        }
    }
}
