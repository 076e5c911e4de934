package io.runnel.streams.state;

import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.errors.InvalidStateStoreException;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.MockStateStoreContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every key-value store stack honours: RocksDB, in-memory and LRU engines, each with caching on and
 * off and logging on and off.
 */
class KeyValueStoreContractTest {

    record Spec(String engine, boolean caching, boolean logging) {
        KeyValueBytesStoreSupplier supplier(String name) {
            return switch (engine) {
                case "rocksdb" -> Stores.persistentKeyValueStore(name);
                case "in-memory" -> Stores.inMemoryKeyValueStore(name);
                default -> Stores.lruMap(name, 10_000);
            };
        }

        KeyValueStore<String, String> build(String name) {
            StoreBuilder<KeyValueStore<String, String>> builder =
                    Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), Serdes.String());
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
            return engine + (caching ? "+cache" : "") + (logging ? "+log" : "");
        }
    }

    static Stream<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        for (String engine : List.of("rocksdb", "in-memory", "lru")) {
            for (boolean caching : List.of(false, true)) {
                for (boolean logging : List.of(false, true)) {
                    specs.add(new Spec(engine, caching, logging));
                }
            }
        }
        return specs.stream();
    }

    @TempDir
    File stateDir;

    private MockStateStoreContext context;

    private KeyValueStore<String, String> open(Spec spec) {
        context = new MockStateStoreContext(stateDir, Map.of());
        KeyValueStore<String, String> store = spec.build("kv");
        store.init(context, store);
        return store;
    }

    private static List<KeyValue<String, String>> drain(KeyValueIterator<String, String> it) {
        List<KeyValue<String, String>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static void putLetters(KeyValueStore<String, String> store) {
        for (String k : List.of("d", "a", "c", "e", "b")) {
            store.put(k, k.toUpperCase());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldPutGetOverwriteAndDelete(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        assertThat(store.isOpen()).isTrue();
        assertThat(store.name()).isEqualTo("kv");
        store.put("k", "v1");
        assertThat(store.get("k")).isEqualTo("v1");
        store.put("k", "v2");
        assertThat(store.get("k")).isEqualTo("v2");
        assertThat(store.delete("k")).isEqualTo("v2");
        assertThat(store.get("k")).isNull();
        assertThat(store.delete("absent")).isNull();
        store.put("n", "x");
        store.put("n", null);
        assertThat(store.get("n")).isNull();
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldPutIfAbsentOnlyWhenAbsent(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        assertThat(store.putIfAbsent("k", "first")).isNull();
        assertThat(store.putIfAbsent("k", "second")).isEqualTo("first");
        assertThat(store.get("k")).isEqualTo("first");
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldPutAllInOrderWithNullsDeleting(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        store.put("gone", "x");
        store.putAll(List.of(KeyValue.pair("a", "1"), KeyValue.pair("b", "2"), KeyValue.pair("a", "3"),
                KeyValue.pair("gone", null)));
        assertThat(store.get("a")).isEqualTo("3");
        assertThat(store.get("b")).isEqualTo("2");
        assertThat(store.get("gone")).isNull();
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldIterateRangesInKeyOrderBothWays(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        putLetters(store);
        assertThat(drain(store.all())).extracting(kv -> kv.key).containsExactly("a", "b", "c", "d", "e");
        assertThat(drain(store.reverseAll())).extracting(kv -> kv.key).containsExactly("e", "d", "c", "b", "a");
        assertThat(drain(store.range("b", "d"))).containsExactly(KeyValue.pair("b", "B"), KeyValue.pair("c", "C"),
                KeyValue.pair("d", "D"));
        assertThat(drain(store.reverseRange("b", "d"))).extracting(kv -> kv.key).containsExactly("d", "c", "b");
        assertThat(drain(store.range(null, "b"))).extracting(kv -> kv.key).containsExactly("a", "b");
        assertThat(drain(store.range("d", null))).extracting(kv -> kv.key).containsExactly("d", "e");
        assertThat(drain(store.range("bb", "cc"))).extracting(kv -> kv.key).containsExactly("c");
        assertThat(drain(store.range("d", "b"))).isEmpty();
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldHideDeletedKeysFromRanges(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        putLetters(store);
        context.flush();
        store.delete("c");
        store.put("b", "B2");
        assertThat(drain(store.all())).containsExactly(KeyValue.pair("a", "A"), KeyValue.pair("b", "B2"),
                KeyValue.pair("d", "D"), KeyValue.pair("e", "E"));
        assertThat(drain(store.reverseAll())).extracting(kv -> kv.key).containsExactly("e", "d", "b", "a");
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldPrefixScanOnSerializedKeys(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        for (String k : List.of("user:1", "user:2", "users", "usa", "zoo", "user")) {
            store.put(k, k);
        }
        assertThat(drain(store.prefixScan("user", new StringSerializer()))).extracting(kv -> kv.key)
                .containsExactly("user", "user:1", "user:2", "users");
        assertThat(drain(store.prefixScan("nope", new StringSerializer()))).isEmpty();
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldPeekWithoutAdvancingAndFailPastTheEnd(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        store.put("a", "1");
        try (KeyValueIterator<String, String> it = store.all()) {
            assertThat(it.peekNextKey()).isEqualTo("a");
            assertThat(it.peekNextKey()).isEqualTo("a");
            assertThat(it.next()).isEqualTo(KeyValue.pair("a", "1"));
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(it::peekNextKey).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        }
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldCountEntries(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        putLetters(store);
        context.flush();
        if (spec.engine().equals("rocksdb")) {
            assertThat(store.approximateNumEntries()).isPositive();
        } else {
            assertThat(store.approximateNumEntries()).isEqualTo(5);
        }
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldRejectNullKeysNamingTheStore(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        assertThatThrownBy(() -> store.put(null, "v")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key cannot be null").hasMessageContaining("kv");
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.delete(null)).isInstanceOf(NullPointerException.class);
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldThrowInvalidStateStoreExceptionNamingTheStoreAfterClose(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        store.put("a", "1");
        KeyValueIterator<String, String> open = store.all();
        store.close();
        assertThat(store.isOpen()).isFalse();
        assertThatThrownBy(() -> store.get("a")).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("kv");
        assertThatThrownBy(() -> store.put("a", "2")).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(store::all).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(store::flush).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(open::hasNext).isInstanceOf(InvalidStateStoreException.class);
        open.close();
        store.close(); // idempotent
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldLogEveryWrittenChangeAndOnlyTheLatestWhenCaching(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        context.setRecordTimestamp(42L);
        store.put("a", "1");
        store.put("a", "2");
        store.put("b", "1");
        store.delete("b");
        context.flush();
        List<MockStateStoreContext.LoggedRecord> log = context.changelog("kv");
        if (!spec.logging()) {
            assertThat(log).isEmpty();
        } else if (spec.caching()) {
            assertThat(log).extracting(r -> r.key().toString(), r -> str(r.value()))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "2"),
                            org.assertj.core.groups.Tuple.tuple("b", null));
        } else {
            assertThat(log).extracting(r -> r.key().toString(), r -> str(r.value()))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "1"),
                            org.assertj.core.groups.Tuple.tuple("a", "2"),
                            org.assertj.core.groups.Tuple.tuple("b", "1"),
                            org.assertj.core.groups.Tuple.tuple("b", null));
        }
        assertThat(log).allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(42L));
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldRestoreABatchAndReadItBack(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        List<ChangelogRecord> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(new ChangelogRecord(bytes("k" + i), bytes("v" + i), i));
        }
        batch.add(new ChangelogRecord(bytes("k7"), null, 100));
        context.restore("kv", batch);
        assertThat(store.get("k3")).isEqualTo("v3");
        assertThat(store.get("k99")).isEqualTo("v99");
        assertThat(store.get("k7")).isNull();
        assertThat(drain(store.all())).hasSize(99);
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldKeepDataAcrossReopenOnlyWhenPersistent(Spec spec) {
        KeyValueStore<String, String> store = open(spec);
        store.put("a", "1");
        context.flush();
        context.close();
        context = new MockStateStoreContext(stateDir, Map.of());
        KeyValueStore<String, String> reopened = spec.build("kv");
        reopened.init(context, reopened);
        assertThat(reopened.persistent()).isEqualTo(spec.engine().equals("rocksdb"));
        assertThat(reopened.get("a")).isEqualTo(reopened.persistent() ? "1" : null);
        context.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
