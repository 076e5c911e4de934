package io.runnel.streams.state;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.errors.InvalidStateStoreException;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.kstream.internals.TimeWindow;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.MockStateStoreContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of every window store stack: RocksDB and in-memory, caching on/off, logging on/off. */
class WindowStoreContractTest {

    static final long WINDOW = 10;
    static final long RETENTION = 200_000; // segments of 100 s

    record Spec(boolean persistent, boolean caching, boolean logging) {
        WindowStore<String, String> build(boolean retainDuplicates) {
            WindowBytesStoreSupplier supplier = persistent
                    ? Stores.persistentWindowStore("win", Duration.ofMillis(RETENTION), Duration.ofMillis(WINDOW),
                    retainDuplicates)
                    : Stores.inMemoryWindowStore("win", Duration.ofMillis(RETENTION), Duration.ofMillis(WINDOW),
                    retainDuplicates);
            StoreBuilder<WindowStore<String, String>> builder =
                    Stores.windowStoreBuilder(supplier, Serdes.String(), Serdes.String());
            if (caching) {
                builder.withCachingEnabled();
            }
            if (!logging) {
                builder.withLoggingDisabled();
            }
            return builder.build();
        }

        @Override
        public String toString() {
            return (persistent ? "rocksdb" : "in-memory") + (caching ? "+cache" : "") + (logging ? "+log" : "");
        }
    }

    static Stream<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        for (boolean persistent : List.of(true, false)) {
            for (boolean caching : List.of(false, true)) {
                for (boolean logging : List.of(false, true)) {
                    specs.add(new Spec(persistent, caching, logging));
                }
            }
        }
        return specs.stream();
    }

    @TempDir
    File stateDir;

    private MockStateStoreContext context;

    private WindowStore<String, String> open(Spec spec, boolean retainDuplicates) {
        context = new MockStateStoreContext(stateDir, Map.of());
        WindowStore<String, String> store = spec.build(retainDuplicates);
        store.init(context, store);
        return store;
    }

    private static <K, V> List<KeyValue<K, V>> drain(KeyValueIterator<K, V> it) {
        List<KeyValue<K, V>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static KeyValue<Windowed<String>, String> windowed(String key, long start, String value) {
        return KeyValue.pair(new Windowed<>(key, new TimeWindow(start, start + WINDOW)), value);
    }

    private static void fill(WindowStore<String, String> store) {
        store.put("b", "b0", 0);
        store.put("a", "a5", 5);
        store.put("a", "a0", 0);
        store.put("c", "c5", 5);
        store.put("a", "a150000", 150_000); // another segment
        store.put("ab", "ab5", 5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldFetchOneWindowAndReplaceIt(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        store.put("a", "1", 100);
        assertThat(store.fetch("a", 100)).isEqualTo("1");
        store.put("a", "2", 100);
        assertThat(store.fetch("a", 100)).isEqualTo("2");
        assertThat(store.fetch("a", 101)).isNull();
        store.put("a", null, 100);
        assertThat(store.fetch("a", 100)).isNull();
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldFetchOneKeysWindowsByStartTimeBothWays(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        fill(store);
        assertThat(drain(store.fetch("a", 0, 200_000))).containsExactly(KeyValue.pair(0L, "a0"),
                KeyValue.pair(5L, "a5"), KeyValue.pair(150_000L, "a150000"));
        assertThat(drain(store.backwardFetch("a", 0, 200_000))).extracting(kv -> kv.key)
                .containsExactly(150_000L, 5L, 0L);
        assertThat(drain(store.fetch("a", 1, 5))).containsExactly(KeyValue.pair(5L, "a5"));
        assertThat(drain(store.fetch("a", 6, 4))).isEmpty();
        assertThat(drain(store.fetch("a", Instant.ofEpochMilli(0), Instant.ofEpochMilli(5)))).extracting(kv -> kv.key)
                .containsExactly(0L, 5L);
        assertThat(drain(store.fetchAll(Instant.ofEpochMilli(5), Instant.ofEpochMilli(5)))).hasSize(3);
        assertThatThrownBy(() -> store.fetch("a", null, Instant.EPOCH)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("timeFrom");
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldFetchKeyRangesOrderedByKeyThenTime(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        fill(store);
        assertThat(drain(store.fetch("a", "b", 0, 200_000))).containsExactly(windowed("a", 0, "a0"),
                windowed("a", 5, "a5"), windowed("a", 150_000, "a150000"), windowed("ab", 5, "ab5"),
                windowed("b", 0, "b0"));
        assertThat(drain(store.backwardFetch("a", "b", 0, 200_000))).extracting(kv -> kv.value)
                .containsExactly("b0", "ab5", "a150000", "a5", "a0");
        assertThat(drain(store.fetch("ab", "c", 5, 5))).extracting(kv -> kv.value).containsExactly("ab5", "c5");
        assertThat(drain(store.fetch(null, "ab", 0, 4))).extracting(kv -> kv.value).containsExactly("a0");
        assertThat(drain(store.fetch("c", "a", 0, 10))).isEmpty();
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldFetchAllAndIterateAll(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        fill(store);
        assertThat(drain(store.fetchAll(5, 5))).extracting(kv -> kv.value).containsExactly("a5", "ab5", "c5");
        assertThat(drain(store.backwardFetchAll(0, 5))).extracting(kv -> kv.value)
                .containsExactly("c5", "b0", "ab5", "a5", "a0");
        assertThat(drain(store.all())).extracting(kv -> kv.value)
                .containsExactly("a0", "a5", "a150000", "ab5", "b0", "c5");
        assertThat(drain(store.backwardAll())).extracting(kv -> kv.value)
                .containsExactly("c5", "b0", "ab5", "a150000", "a5", "a0");
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldDropWindowsOlderThanRetention(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        store.put("a", "old", 0);
        store.put("a", "new", RETENTION + 50_000);
        context.flush();
        assertThat(store.fetch("a", 0)).isNull();
        assertThat(drain(store.fetch("a", 0, Long.MAX_VALUE))).extracting(kv -> kv.value).containsExactly("new");
        store.put("a", "late", 10); // expired on arrival
        context.flush();
        assertThat(store.fetch("a", 10)).isNull();
        assertThat(drain(store.all())).extracting(kv -> kv.value).containsExactly("new");
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldRetainDuplicatesWhenAsked(Spec spec) {
        WindowStore<String, String> store = open(spec, true);
        store.put("a", "1", 7);
        store.put("a", "2", 7);
        store.put("a", null, 7); // ignored with duplicates
        assertThat(drain(store.fetch("a", 7, 7))).extracting(kv -> kv.value).containsExactly("1", "2");
        assertThat(store.fetch("a", 7)).isEqualTo("1");
        if (spec.logging()) {
            assertThat(context.changelog("win")).extracting(r -> ByteBuffer.wrap(r.key().get())
                    .getInt(r.key().get().length - 4)).containsExactly(0, 1);
        }
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldLogKafkaWindowChangelogKeys(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        context.setRecordTimestamp(99L);
        store.put("k", "v", 1234);
        context.flush();
        if (!spec.logging()) {
            assertThat(context.changelog("win")).isEmpty();
            context.close();
            return;
        }
        MockStateStoreContext.LoggedRecord r = context.changelog("win").get(0);
        ByteBuffer expected = ByteBuffer.allocate(1 + 12).put((byte) 'k').putLong(1234).putInt(0);
        assertThat(r.key().get()).isEqualTo(expected.array());
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("v");
        assertThat(r.timestamp()).isEqualTo(99L);
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldRestoreChangelogRecordsAndReadThemBack(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        List<ChangelogRecord> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] key = ByteBuffer.allocate(2 + 12).put(("k" + (i % 5)).getBytes(StandardCharsets.UTF_8))
                    .putLong(i * 1000L).putInt(0).array();
            batch.add(new ChangelogRecord(key, ("v" + i).getBytes(StandardCharsets.UTF_8), i * 1000L));
        }
        context.restore("win", batch);
        assertThat(store.fetch("k3", 3000)).isEqualTo("v3");
        assertThat(drain(store.fetch("k1", 0, 100_000))).extracting(kv -> kv.value)
                .containsExactly("v1", "v6", "v11", "v16", "v21", "v26", "v31", "v36", "v41", "v46");
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldRejectNullKeysAndUseAfterClose(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        assertThatThrownBy(() -> store.put(null, "v", 1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("win");
        assertThatThrownBy(() -> store.fetch(null, 0, 1)).isInstanceOf(NullPointerException.class);
        store.close();
        assertThatThrownBy(() -> store.fetch("a", 1)).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("win");
        assertThatThrownBy(() -> store.put("a", "v", 1)).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(store::all).isInstanceOf(InvalidStateStoreException.class);
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldKeepWindowsAcrossReopenOnlyWhenPersistent(Spec spec) {
        WindowStore<String, String> store = open(spec, false);
        store.put("a", "1", 500);
        context.flush();
        context.close();
        context = new MockStateStoreContext(stateDir, Map.of());
        WindowStore<String, String> reopened = spec.build(false);
        reopened.init(context, reopened);
        assertThat(reopened.fetch("a", 500)).isEqualTo(spec.persistent() ? "1" : null);
        context.close();
    }
}
