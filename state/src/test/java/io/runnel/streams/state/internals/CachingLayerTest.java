package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.MockStateStoreContext;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.SessionStore;
import io.runnel.streams.state.StateStoreConfig;
import io.runnel.streams.state.StateStoreResources;
import io.runnel.streams.state.Stores;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.kstream.internals.SessionWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CachingLayerTest {

    @TempDir
    File stateDir;

    record Forwarded<K, V>(K key, V newValue, V oldValue, long timestamp) {
    }

    private static KeyValueStore<String, Long> cachedCounts(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled().build();
    }

    @Test
    void shouldForwardOnlyTheLatestValuePerKeyOnFlushWithOldValues() {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            KeyValueStore<String, Long> store = cachedCounts("counts");
            store.init(context, store);
            List<Forwarded<String, Long>> forwarded = new ArrayList<>();
            @SuppressWarnings("unchecked") // the built stack's outer layer is typed with the store's types
            CachedStateStore<String, Long> cached = (CachedStateStore<String, Long>) store;
            assertThat(cached.setFlushListener((k, n, o, ts) -> forwarded.add(new Forwarded<>(k, n, o, ts)), true))
                    .isTrue();
            context.setRecordTimestamp(1);
            store.put("a", 1L);
            store.put("b", 1L);
            context.setRecordTimestamp(5);
            store.put("a", 2L);
            store.put("a", 3L);
            assertThat(forwarded).isEmpty();
            context.flush();
            assertThat(forwarded).containsExactly(new Forwarded<>("b", 1L, null, 1L),
                    new Forwarded<>("a", 3L, null, 5L));
            forwarded.clear();
            store.put("a", 4L);
            store.delete("b");
            context.flush();
            assertThat(forwarded).containsExactly(new Forwarded<>("a", 4L, 3L, 5L),
                    new Forwarded<>("b", null, 1L, 5L));
            assertThat(context.changelog("counts")).hasSize(4);
        }
    }

    @Test
    void shouldReportNoCachingLayerWhenCachingIsOff() {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("plain"),
                    Serdes.String(), Serdes.Long()).build();
            store.init(context, store);
            @SuppressWarnings("unchecked") // typed facade of the built stack
            CachedStateStore<String, Long> cached = (CachedStateStore<String, Long>) store;
            assertThat(cached.setFlushListener((k, n, o, ts) -> { }, false)).isFalse();
        }
    }

    @Test
    void shouldEvictAndWriteDownWhenTheSharedBudgetIsExceeded() {
        long budget = 20_000;
        try (StateStoreResources resources = StateStoreResources.create(
                Map.of(StateStoreConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, budget))) {
            List<MockStateStoreContext> contexts = new ArrayList<>();
            List<KeyValueStore<String, Long>> stores = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                MockStateStoreContext context = new MockStateStoreContext("app", new TaskId(0, t), stateDir,
                        Map.of(), resources);
                KeyValueStore<String, Long> store = cachedCounts("counts");
                store.init(context, store);
                contexts.add(context);
                stores.add(store);
            }
            for (int i = 0; i < 2_000; i++) {
                stores.get(i % 4).put("key-" + i, (long) i);
                assertThat(resources.cache().sizeBytes()).isLessThanOrEqualTo(budget + 200);
            }
            assertThat(resources.cache().evictions()).isPositive();
            assertThat(resources.cache().namedCaches()).isEqualTo(4);
            long loggedByEviction = contexts.stream().mapToLong(c -> c.changelog("counts").size()).sum();
            assertThat(loggedByEviction).isPositive().isLessThan(2_000);
            // evicted entries were written down, the rest is still cached: nothing was lost
            for (int i = 0; i < 2_000; i++) {
                assertThat(stores.get(i % 4).get("key-" + i)).isEqualTo(i);
            }
            contexts.forEach(MockStateStoreContext::flush);
            assertThat(contexts.stream().mapToLong(c -> c.changelog("counts").size()).sum()).isEqualTo(2_000);
            contexts.forEach(MockStateStoreContext::close);
            assertThat(resources.cache().sizeBytes()).isZero();
            assertThat(resources.cache().namedCaches()).isZero();
        }
    }

    @Test
    void shouldWriteEveryPutDownWhenTheCacheSizeIsZero() {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir,
                Map.of(StateStoreConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0"))) {
            KeyValueStore<String, Long> store = cachedCounts("counts");
            store.init(context, store);
            store.put("a", 1L);
            store.put("a", 2L);
            assertThat(context.changelog("counts")).hasSize(2);
            assertThat(store.get("a")).isEqualTo(2L);
        }
    }

    @Test
    void shouldForwardWindowAndSessionUpdatesOnFlush() {
        try (MockStateStoreContext context = new MockStateStoreContext(stateDir, Map.of())) {
            WindowStore<String, Long> window = Stores.windowStoreBuilder(Stores.inMemoryWindowStore("w",
                    Duration.ofMinutes(5), Duration.ofMinutes(1), false), Serdes.String(), Serdes.Long())
                    .withCachingEnabled().build();
            SessionStore<String, Long> session = Stores.sessionStoreBuilder(Stores.persistentSessionStore("s",
                    Duration.ofMinutes(5)), Serdes.String(), Serdes.Long()).withCachingEnabled().build();
            window.init(context, window);
            session.init(context, session);
            List<Forwarded<Windowed<String>, Long>> forwarded = new ArrayList<>();
            @SuppressWarnings("unchecked") // typed facades of the built stacks
            CachedStateStore<Windowed<String>, Long> w = (CachedStateStore<Windowed<String>, Long>) window;
            @SuppressWarnings("unchecked") // typed facades of the built stacks
            CachedStateStore<Windowed<String>, Long> s = (CachedStateStore<Windowed<String>, Long>) session;
            w.setFlushListener((k, n, o, ts) -> forwarded.add(new Forwarded<>(k, n, o, ts)), true);
            s.setFlushListener((k, n, o, ts) -> forwarded.add(new Forwarded<>(k, n, o, ts)), true);
            window.put("k", 1L, 0);
            window.put("k", 2L, 0);
            session.put(new Windowed<>("k", new SessionWindow(0, 10)), 7L);
            context.flush();
            assertThat(forwarded).extracting(Forwarded::newValue).containsExactly(2L, 7L);
            assertThat(forwarded.get(0).key().window().start()).isZero();
            assertThat(forwarded.get(0).key().window().end()).isEqualTo(60_000L);
        }
    }
}
