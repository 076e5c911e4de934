package io.runnel.streams.integration;

import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StoreQueryParameters;
import io.runnel.streams.Topology;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stores filled from a topic: a read-only store (its source topic is its changelog) and a global store. */
class ReadOnlyAndGlobalStoresIT {

    @TempDir
    Path dir;

    /** Writes each record into the store named at construction. */
    static final class Put implements Processor<String, String, Void, Void> {
        private final String storeName;
        private KeyValueStore<String, String> store;

        Put(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, String> record) {
            store.put(record.key(), record.value());
        }
    }

    private static Topology topology() {
        return new Topology()
                .addReadOnlyStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("profiles"),
                        Serdes.String(), Serdes.String()), "ProfilesSource", new StringDeserializer(),
                        new StringDeserializer(), "profiles", "ProfilesPut", () -> new Put("profiles"))
                .addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("countries"),
                        Serdes.String(), Serdes.String()), "CountriesSource", new StringDeserializer(),
                        new StringDeserializer(), "countries", "CountriesPut", () -> new Put("countries"));
    }

    private static String read(RunnelStreams streams, String store, String key) {
        ReadOnlyKeyValueStore<String, String> view = streams.store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.keyValueStore()));
        return view.get(key);
    }

    @Test
    void shouldRestoreAReadOnlyStoreFromItsSourceTopicAndBootstrapAGlobalStore() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("profiles", 2);
            log.createTopic("countries", 3);
            log.produce("profiles", new StringSerializer(), new StringSerializer(),
                    List.of(KeyValue.pair("ada", "london"), KeyValue.pair("alan", "manchester")), 1L);
            log.produce("countries", new StringSerializer(), new StringSerializer(),
                    List.of(KeyValue.pair("uk", "United Kingdom"), KeyValue.pair("fr", "France")), 1L);
            try (RunnelStreams streams = new RunnelStreams(topology(), log.streamsProps("tables",
                    dir.resolve("s")))) {
                streams.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.RUNNING
                        && streams.inputLags().size() == 2
                        && streams.inputLags().values().stream().allMatch(l -> l == 0));
                assertThat(read(streams, "profiles", "ada")).isEqualTo("london");
                assertThat(read(streams, "countries", "fr")).isEqualTo("France");
                assertThat(log.topics()).noneMatch(t -> t.contains("profiles-changelog"));
                log.produce("countries", new StringSerializer(), new StringSerializer(),
                        List.of(KeyValue.pair("de", "Germany")), 2L);
                await().atMost(Duration.ofSeconds(10)).until(() -> "Germany".equals(read(streams, "countries",
                        "de")));
            }
            // local state deleted: the read-only store comes back from its source topic, the global store from
            // its topic
            RunnelStreams cleaner = new RunnelStreams(topology(), log.streamsProps("tables", dir.resolve("s")));
            cleaner.cleanUp();
            cleaner.close();
            try (RunnelStreams streams = new RunnelStreams(topology(), log.streamsProps("tables",
                    dir.resolve("s")))) {
                streams.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.RUNNING);
                assertThat(read(streams, "profiles", "alan")).isEqualTo("manchester");
                assertThat(read(streams, "countries", "de")).isEqualTo("Germany");
            }
        }
    }
}
