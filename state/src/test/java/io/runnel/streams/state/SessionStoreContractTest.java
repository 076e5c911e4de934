package io.runnel.streams.state;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.errors.InvalidStateStoreException;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.kstream.internals.SessionWindow;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.MockStateStoreContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of every session store stack: RocksDB and in-memory, caching on/off, logging on/off. */
class SessionStoreContractTest {

    static final long RETENTION = 200_000;

    record Spec(boolean persistent, boolean caching, boolean logging) {
        SessionStore<String, Long> build() {
            SessionBytesStoreSupplier supplier = persistent
                    ? Stores.persistentSessionStore("sess", Duration.ofMillis(RETENTION))
                    : Stores.inMemorySessionStore("sess", Duration.ofMillis(RETENTION));
            StoreBuilder<SessionStore<String, Long>> builder =
                    Stores.sessionStoreBuilder(supplier, Serdes.String(), Serdes.Long());
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

    private SessionStore<String, Long> open(Spec spec) {
        context = new MockStateStoreContext(stateDir, Map.of());
        SessionStore<String, Long> store = spec.build();
        store.init(context, store);
        return store;
    }

    private static Windowed<String> session(String key, long start, long end) {
        return new Windowed<>(key, new SessionWindow(start, end));
    }

    private static <K, V> List<KeyValue<K, V>> drain(KeyValueIterator<K, V> it) {
        List<KeyValue<K, V>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static void fill(SessionStore<String, Long> store) {
        store.put(session("a", 0, 10), 1L);
        store.put(session("a", 20, 30), 2L);
        store.put(session("a", 150_000, 150_010), 3L); // another segment
        store.put(session("b", 5, 15), 4L);
        store.put(session("ab", 1, 2), 5L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldPutFetchAndRemoveSessions(Spec spec) {
        SessionStore<String, Long> store = open(spec);
        store.put(session("a", 0, 10), 1L);
        assertThat(store.fetchSession("a", 0, 10)).isEqualTo(1L);
        assertThat(store.fetchSession("a", 0, 11)).isNull();
        store.put(session("a", 0, 10), 7L);
        assertThat(store.fetchSession("a", 0, 10)).isEqualTo(7L);
        store.remove(session("a", 0, 10));
        assertThat(store.fetchSession("a", 0, 10)).isNull();
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldFindSessionsThatOverlapTheGivenBounds(Spec spec) {
        SessionStore<String, Long> store = open(spec);
        fill(store);
        assertThat(drain(store.findSessions("a", 10, 20))).extracting(kv -> kv.value).containsExactly(1L, 2L);
        assertThat(drain(store.findSessions("a", 11, 19))).isEmpty();
        assertThat(drain(store.findSessions("a", 0, Long.MAX_VALUE))).extracting(kv -> kv.key)
                .containsExactly(session("a", 0, 10), session("a", 20, 30), session("a", 150_000, 150_010));
        assertThat(drain(store.backwardFindSessions("a", 0, Long.MAX_VALUE))).extracting(kv -> kv.value)
                .containsExactly(3L, 2L, 1L);
        assertThat(drain(store.findSessions("a", "b", 0, 20))).extracting(kv -> kv.value)
                .containsExactly(1L, 2L, 5L, 4L);
        assertThat(drain(store.backwardFindSessions("a", "b", 0, 20))).extracting(kv -> kv.value)
                .containsExactly(4L, 5L, 2L, 1L);
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldFetchAllSessionsOfKeys(Spec spec) {
        SessionStore<String, Long> store = open(spec);
        fill(store);
        assertThat(drain(store.fetch("b"))).containsExactly(KeyValue.pair(session("b", 5, 15), 4L));
        assertThat(drain(store.backwardFetch("a"))).extracting(kv -> kv.value).containsExactly(3L, 2L, 1L);
        assertThat(drain(store.fetch("ab", "b"))).extracting(kv -> kv.value).containsExactly(5L, 4L);
        assertThat(drain(store.backwardFetch("a", "ab"))).extracting(kv -> kv.value).containsExactly(5L, 3L, 2L, 1L);
        assertThat(drain(store.fetch(null, null))).hasSize(5);
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldDropSessionsOlderThanRetention(Spec spec) {
        SessionStore<String, Long> store = open(spec);
        store.put(session("a", 0, 10), 1L);
        store.put(session("a", 300_000, 300_000), 2L);
        context.flush();
        assertThat(store.fetchSession("a", 0, 10)).isNull();
        assertThat(drain(store.fetch("a"))).extracting(kv -> kv.value).containsExactly(2L);
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldLogKafkaSessionChangelogKeysAndRestoreThem(Spec spec) {
        SessionStore<String, Long> store = open(spec);
        store.put(session("k", 3, 9), 5L);
        context.flush();
        if (spec.logging()) {
            byte[] expected = ByteBuffer.allocate(17).put((byte) 'k').putLong(9).putLong(3).array();
            assertThat(context.changelog("sess")).singleElement()
                    .satisfies(r -> assertThat(r.key().get()).isEqualTo(expected));
        }
        byte[] restoredKey = ByteBuffer.allocate(17).put((byte) 'r').putLong(50).putLong(40).array();
        context.restore("sess", List.of(new ChangelogRecord(restoredKey,
                ByteBuffer.allocate(8).putLong(11L).array(), 50)));
        assertThat(store.fetchSession("r", 40, 50)).isEqualTo(11L);
        assertThat(new String(restoredKey, 0, 1, StandardCharsets.UTF_8)).isEqualTo("r");
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void shouldRejectNullKeysAndUseAfterClose(Spec spec) {
        SessionStore<String, Long> store = open(spec);
        assertThatThrownBy(() -> store.put(session(null, 0, 1), 1L)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("sess");
        assertThatThrownBy(() -> store.findSessions(null, 0, 1)).isInstanceOf(NullPointerException.class);
        store.close();
        assertThatThrownBy(() -> store.fetch("a")).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("sess");
        context.close();
    }
}
