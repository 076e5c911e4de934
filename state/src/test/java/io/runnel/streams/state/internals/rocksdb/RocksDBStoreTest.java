package io.runnel.streams.state.internals.rocksdb;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.errors.ProcessorStateException;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.MockStateStoreContext;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.RocksDBConfigSetter;
import io.runnel.streams.state.StateStoreConfig;
import io.runnel.streams.state.StateStoreResources;
import io.runnel.streams.state.Stores;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDBStoreTest {

    @TempDir
    File stateDir;

    private static KeyValueStore<String, String> stack(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withCachingEnabled().build();
    }

    @Test
    void shouldCloseEveryNativeObjectOverManyOpenCloseCycles() {
        try (StateStoreResources resources = StateStoreResources.create(Map.of())) {
            for (int cycle = 0; cycle < 100; cycle++) {
                MockStateStoreContext context = new MockStateStoreContext("app", new TaskId(0, 0), stateDir, Map.of(),
                        resources);
                KeyValueStore<String, String> store = stack("leak");
                store.init(context, store);
                RocksDBStore rocks = WrappedStateStore.findLayer(store, RocksDBStore.class);
                store.put("k" + cycle, "v");
                context.flush();
                KeyValueIterator<String, String> forgotten = store.all(); // left open on purpose
                assertThat(forgotten.hasNext()).isTrue();
                assertThat(rocks.openNativeObjects()).isGreaterThan(4);
                context.close();
                assertThat(rocks.openNativeObjects()).isZero();
            }
        }
    }

    @Test
    void shouldBulkLoadWhileRestoringAndLeaveBulkModeOnTheFirstWriteOrFlush() {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir)) {
            KeyValueStore<String, String> store = stack("bulk");
            store.init(context, store);
            RocksDBStore rocks = WrappedStateStore.findLayer(store, RocksDBStore.class);
            List<ChangelogRecord> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                batch.add(new ChangelogRecord(("k" + i).getBytes(StandardCharsets.UTF_8),
                        i % 10 == 9 ? null : ("v" + i).getBytes(StandardCharsets.UTF_8), i));
            }
            context.restore("bulk", batch);
            assertThat(rocks.isBulkLoading()).isTrue();
            assertThat(store.get("k5")).isEqualTo("v5");
            assertThat(store.get("k9")).isNull();
            context.flush();
            assertThat(rocks.isBulkLoading()).isFalse();
            context.restore("bulk", batch);
            assertThat(rocks.isBulkLoading()).isTrue();
            store.put("x", "y");
            context.flush(); // the caching layer writes down: a normal write
            assertThat(rocks.isBulkLoading()).isFalse();
            assertThat(store.get("x")).isEqualTo("y");
        }
    }

    @Test
    void shouldWrapOpenFailuresWithTheStoreNameAndDirectory() {
        try (MockStateStoreContext first = new MockStateStoreContext(stateDir);
             MockStateStoreContext second = new MockStateStoreContext("mock-app", new TaskId(0, 0), stateDir,
                     Map.of(), first.resources())) {
            KeyValueStore<String, String> a = stack("locked");
            a.init(first, a);
            KeyValueStore<String, String> b = stack("locked");
            assertThatThrownBy(() -> b.init(second, b)).isInstanceOf(ProcessorStateException.class)
                    .hasMessageContaining("RocksDB store 'locked' in " + new File(first.stateDir(), "rocksdb/locked")
                            .getAbsolutePath())
                    .hasMessageContaining("failed to open");
        }
    }

    /** Counts calls; configured by class name as users do. */
    public static class CountingConfigSetter implements RocksDBConfigSetter {
        static final AtomicInteger SET = new AtomicInteger();
        static final AtomicInteger CLOSED = new AtomicInteger();

        /** Used reflectively. */
        public CountingConfigSetter() {
        }

        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {
            assertThat(configs).containsKey(StateStoreConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG);
            options.setMaxWriteBufferNumber(4);
            SET.incrementAndGet();
        }

        @Override
        public void close(String storeName, Options options) {
            CLOSED.incrementAndGet();
        }
    }

    @Test
    void shouldCallTheConfigSetterForEveryInstanceAndCloseIt() {
        int setBefore = CountingConfigSetter.SET.get();
        int closedBefore = CountingConfigSetter.CLOSED.get();
        Map<String, Object> configs = Map.of(StateStoreConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                CountingConfigSetter.class.getName());
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, configs)) {
            KeyValueStore<String, String> store = stack("tuned");
            store.init(context, store);
            WindowStore<String, String> window = Stores.windowStoreBuilder(Stores.persistentWindowStore("w",
                    Duration.ofHours(1), Duration.ofMinutes(1), false), Serdes.String(), Serdes.String()).build();
            window.init(context, window);
            window.put("a", "1", 0);
            window.put("a", "2", Duration.ofMinutes(40).toMillis()); // a second segment
        }
        assertThat(CountingConfigSetter.SET.get() - setBefore).isEqualTo(3);
        assertThat(CountingConfigSetter.CLOSED.get() - closedBefore).isEqualTo(3);
    }

    @Test
    void shouldRejectAConfigSetterThatIsNotOne() {
        assertThatThrownBy(() -> StateStoreConfig.from(Map.of(StateStoreConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                String.class.getName()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not implement");
        assertThatThrownBy(() -> StateStoreConfig.from(Map.of(StateStoreConfig.ROCKSDB_MEMORY_MAX_BYTES_CONFIG, "10")))
                .hasMessageContaining(StateStoreConfig.ROCKSDB_MEMORY_MAX_BYTES_CONFIG);
    }

    @Test
    void shouldStayWithinTheMemoryBudgetWithManyStores() {
        long budget = 16L * 1024 * 1024;
        byte[] value = new byte[200];
        List<MockStateStoreContext> contexts = new ArrayList<>();
        try (StateStoreResources resources = StateStoreResources.create(
                Map.of(StateStoreConfig.ROCKSDB_MEMORY_MAX_BYTES_CONFIG, budget))) {
            List<KeyValueStore<String, byte[]>> stores = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                MockStateStoreContext context = new MockStateStoreContext("app", new TaskId(0, t), stateDir,
                        Map.of(), resources);
                contexts.add(context);
                KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore("big"), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled().build();
                store.init(context, store);
                stores.add(store);
            }
            RocksDBMemory memory = resources.rocksDBMemory();
            long peak = 0;
            for (int i = 0; i < 240_000; i++) {
                stores.get(i % 24).put("key-" + i, value);
                if (i % 1000 == 0) {
                    peak = Math.max(peak, memory.usage());
                }
            }
            for (int i = 0; i < 240_000; i += 7) {
                assertThat(stores.get(i % 24).get("key-" + i)).hasSize(200);
                if (i % 1001 == 0) {
                    peak = Math.max(peak, memory.usage());
                }
            }
            assertThat(memory.capacity()).isEqualTo(budget);
            assertThat(peak).isPositive().isLessThanOrEqualTo(budget + budget / 10);
            contexts.forEach(MockStateStoreContext::close);
            contexts.clear();
        } finally {
            contexts.forEach(MockStateStoreContext::close);
        }
    }
}
