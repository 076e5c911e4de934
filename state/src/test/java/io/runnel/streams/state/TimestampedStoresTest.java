package io.runnel.streams.state;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.MockStateStoreContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampedStoresTest {

    @TempDir
    File stateDir;

    static KeyValueBytesStoreSupplier supplier(String engine) {
        return switch (engine) {
            case "rocksdb" -> Stores.persistentTimestampedKeyValueStore("ts");
            case "plain-rocksdb" -> Stores.persistentKeyValueStore("ts");
            default -> Stores.inMemoryKeyValueStore("ts");
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "plain-rocksdb", "in-memory"})
    void shouldLogPlainValuesWithTheirTimestampAndRestoreTheTimestamp(String engine) {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            TimestampedKeyValueStore<String, String> store = Stores.timestampedKeyValueStoreBuilder(
                    supplier(engine), Serdes.String(), Serdes.String()).build();
            store.init(context, store);
            store.put("a", ValueAndTimestamp.make("x", 77L));
            assertThat(store.get("a")).isEqualTo(ValueAndTimestamp.make("x", 77L));
            MockStateStoreContext.LoggedRecord logged = context.changelog("ts").get(0);
            assertThat(new String(logged.value(), StandardCharsets.UTF_8)).isEqualTo("x");
            assertThat(logged.timestamp()).isEqualTo(77L);

            context.restore("ts", List.of(new ChangelogRecord("b".getBytes(StandardCharsets.UTF_8),
                    "y".getBytes(StandardCharsets.UTF_8), 123L)));
            assertThat(store.get("b")).isEqualTo(ValueAndTimestamp.make("y", 123L));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldKeepTimestampsInWindowStores(boolean persistent) {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            WindowBytesStoreSupplier supplier = persistent
                    ? Stores.persistentTimestampedWindowStore("tw", Duration.ofMinutes(10), Duration.ofMinutes(1),
                    false)
                    : Stores.inMemoryWindowStore("tw", Duration.ofMinutes(10), Duration.ofMinutes(1), false);
            TimestampedWindowStore<String, Long> store = Stores.timestampedWindowStoreBuilder(supplier,
                    Serdes.String(), Serdes.Long()).withCachingEnabled().build();
            store.init(context, store);
            store.put("k", ValueAndTimestamp.make(5L, 1_000L), 0);
            assertThat(store.fetch("k", 0)).isEqualTo(ValueAndTimestamp.make(5L, 1_000L));
            context.flush();
            MockStateStoreContext.LoggedRecord logged = context.changelog("tw").get(0);
            assertThat(ByteBuffer.wrap(logged.value()).getLong()).isEqualTo(5L);
            assertThat(logged.timestamp()).isEqualTo(1_000L);
            assertThat(store.fetch("k", 0)).isEqualTo(ValueAndTimestamp.make(5L, 1_000L));
        }
    }

    @org.junit.jupiter.api.Test
    void shouldMakeNullForNullValues() {
        ValueAndTimestamp<String> none = ValueAndTimestamp.make(null, 1L);
        assertThat(none == null).isTrue();
        String noValue = ValueAndTimestamp.getValueOrNull(null);
        assertThat(noValue).isNull();
        assertThat(ValueAndTimestamp.getValueOrNull(ValueAndTimestamp.make("v", 1L))).isEqualTo("v");
    }
}
