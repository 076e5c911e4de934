package io.runnel.streams.integration;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StoreQueryParameters;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.TaskMetadata;
import io.runnel.streams.ThreadMetadata;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.kstream.GlobalKTable;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Produced;
import io.runnel.streams.kstream.TimeWindows;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.ReadOnlyWindowStore;
import io.runnel.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The seed examples, end to end on the embedded log with 3-partition topics and real stream threads. */
class DslSeedExamplesIT {

    private static final StringSerializer S = new StringSerializer();
    private static final StringDeserializer D = new StringDeserializer();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static Properties stringDefaults(Properties p) {
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        return p;
    }

    private static List<KeyValue<String, String>> records(int n, String valuePrefix) {
        List<KeyValue<String, String>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(KeyValue.pair("k" + i, i % 2 == 0 ? "x" : valuePrefix + i));
        }
        return list;
    }

    @Test
    void shouldCopyAndFilterStreamsOnThreePartitions() {
        try (EmbeddedTestLog log = new EmbeddedTestLog(dir)) {
            log.createTopic("STREAM_LOG", 3);
            log.createTopic("STREAM_LOG_COPY", 3);
            log.createTopic("STREAM_LOG_LONG", 3);
            log.produce("STREAM_LOG", S, S, records(300, "long value "), 1_000L);

            StreamsBuilder builder = new StreamsBuilder();
            KStream<String, String> stream = builder.stream("STREAM_LOG");
            stream.to("STREAM_LOG_COPY");
            stream.filter((k, v) -> v.length() > 5).to("STREAM_LOG_LONG");
            try (RunnelStreams streams = new RunnelStreams(builder.build(),
                    stringDefaults(log.streamsProps("seed-copy", dir.resolve("state"))))) {
                streams.start();
                EmbeddedTestLog.awaitCaughtUp(streams, TIMEOUT);
                List<ConsumerRecord<String, String>> copy = log.readUntil("STREAM_LOG_COPY", D, D,
                        l -> l.size() >= 300, TIMEOUT);
                assertThat(copy).hasSize(300);
                List<ConsumerRecord<String, String>> longOnes = log.readUntil("STREAM_LOG_LONG", D, D,
                        l -> l.size() >= 150, TIMEOUT);
                assertThat(longOnes).hasSize(150).allSatisfy(r -> assertThat(r.value()).startsWith("long value"));
            }
        }
    }

    @Test
    void shouldJoinOrdersWithAddressTableAndGlobalTable() {
        try (EmbeddedTestLog log = new EmbeddedTestLog(dir)) {
            log.createTopic("orders", 3);
            log.createTopic("addresses", 3);
            log.createTopic("global-addresses", 3);
            log.createTopic("shipments", 3);
            log.createTopic("global-shipments", 3);
            List<KeyValue<String, String>> addresses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                addresses.add(KeyValue.pair("customer-" + i, i + " Main St"));
            }
            log.produce("addresses", S, S, addresses, 1_000L);
            log.produce("global-addresses", S, S, addresses, 1_000L);

            StreamsBuilder builder = new StreamsBuilder();
            KStream<String, String> orderStream = builder.stream("orders");
            KTable<String, String> addressTable = builder.table("addresses");
            GlobalKTable<String, String> addressGlobalTable = builder.globalTable("global-addresses");
            orderStream.join(addressTable, (order, address) -> order + " send to " + address).to("shipments");
            orderStream.join(addressGlobalTable, (k, v) -> k, (order, address) -> order + " send to " + address)
                    .to("global-shipments");
            Properties props = stringDefaults(log.streamsProps("seed-join", dir.resolve("state")));
            try (RunnelStreams streams = new RunnelStreams(builder.build(), props)) {
                streams.start();
                EmbeddedTestLog.awaitCaughtUp(streams, TIMEOUT);
                List<KeyValue<String, String>> orders = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    orders.add(KeyValue.pair("customer-" + (i % 30), "order-" + i));
                }
                log.produce("orders", S, S, orders, 2_000L);
                Set<String> expected = new java.util.HashSet<>();
                for (int i = 0; i < 60; i++) {
                    expected.add("order-" + i + " send to " + (i % 30) + " Main St");
                }
                assertThat(log.readUntil("shipments", D, D, l -> l.size() >= 60, TIMEOUT).stream()
                        .map(ConsumerRecord::value).collect(Collectors.toSet())).isEqualTo(expected);
                assertThat(log.readUntil("global-shipments", D, D, l -> l.size() >= 60, TIMEOUT).stream()
                        .map(ConsumerRecord::value).collect(Collectors.toSet())).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldFailToStartAStreamTableJoinOfTopicsThatAreNotCoPartitioned() {
        try (EmbeddedTestLog log = new EmbeddedTestLog(dir)) {
            log.createTopic("orders", 3);
            log.createTopic("addresses", 2);
            log.createTopic("shipments", 3);
            StreamsBuilder builder = new StreamsBuilder();
            KStream<String, String> orderStream = builder.stream("orders");
            KTable<String, String> addressTable = builder.table("addresses");
            orderStream.join(addressTable, (order, address) -> order + " send to " + address).to("shipments");
            try (RunnelStreams streams = new RunnelStreams(builder.build(),
                    stringDefaults(log.streamsProps("seed-copartition", dir.resolve("state"))))) {
                assertThatThrownBy(streams::start).isInstanceOf(TopologyException.class)
                        .hasMessageContaining("not co-partitioned").hasMessageContaining("addresses")
                        .hasMessageContaining("orders");
                assertThat(streams.state()).isEqualTo(RunnelStreams.State.ERROR);
            }
        }
    }

    @Test
    void shouldCountWordsAndWindowsWithTwoThreadsAndExposeDroppedLateRecords() {
        try (EmbeddedTestLog log = new EmbeddedTestLog(dir)) {
            log.createTopic("lines", 3);
            log.createTopic("word-counts", 3);
            StreamsBuilder builder = new StreamsBuilder();
            KStream<String, String> words = builder.<String, String>stream("lines")
                    .flatMapValues(line -> List.of(line.split(" ")));
            words.groupBy((k, w) -> w).count(Materialized.as("word-counts")).toStream()
                    .to("word-counts", Produced.with(Serdes.String(), Serdes.Long()));
            words.groupBy((k, w) -> w)
                    .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofSeconds(30)))
                    .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("windowed-counts")
                            .withRetention(Duration.ofMinutes(10)));
            Properties props = stringDefaults(log.streamsProps("seed-wordcount", dir.resolve("state")));
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
            try (RunnelStreams streams = new RunnelStreams(builder.build(), props)) {
                streams.start();
                List<KeyValue<String, String>> lines = new ArrayList<>();
                List<Long> timestamps = new ArrayList<>();
                Map<String, Long> expected = new HashMap<>();
                for (int i = 0; i < 200; i++) {
                    String line = "w" + (i % 7) + " w" + (i % 11) + " common";
                    lines.add(KeyValue.pair("line-" + i, line));
                    timestamps.add(10_000L + i * 100L);  // 10s .. 30s: all in window [0, 60s)
                    for (String w : line.split(" ")) {
                        expected.merge(w, 1L, Long::sum);
                    }
                }
                log.produce("lines", S, S, lines, timestamps);
                // the three upstream tasks run at their own pace: let every line reach the aggregations before
                // stream time jumps, or lines still in flight would be late for their windows
                EmbeddedTestLog.awaitCaughtUp(streams, TIMEOUT);
                // advance stream time of every task past 60s + 30s: 30 distinct words land on every partition
                List<KeyValue<String, String>> ticks = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    ticks.add(KeyValue.pair("tick-" + i, "t" + i));
                    expected.merge("t" + i, 1L, Long::sum);
                }
                log.produce("lines", S, S, ticks, 200_000L);
                EmbeddedTestLog.awaitCaughtUp(streams, TIMEOUT);
                // records for the closed window [0, 60s) of words whose tasks are at 200s: dropped and counted
                log.produce("lines", S, S, List.of(KeyValue.pair("late-1", "t0"), KeyValue.pair("late-2", "t1")),
                        5_000L);
                expected.merge("t0", 1L, Long::sum);
                expected.merge("t1", 1L, Long::sum);

                EmbeddedTestLog.awaitCaughtUp(streams, TIMEOUT);
                await().atMost(TIMEOUT).untilAsserted(() -> {
                    ReadOnlyKeyValueStore<String, Long> counts = streams.store(StoreQueryParameters.fromNameAndType(
                            "word-counts", QueryableStoreTypes.keyValueStore()));
                    Map<String, Long> actual = new HashMap<>();
                    counts.all().forEachRemaining(kv -> actual.put(kv.key, kv.value));
                    assertThat(actual).isEqualTo(expected);
                });
                ReadOnlyWindowStore<String, Long> windows = streams.store(StoreQueryParameters.fromNameAndType(
                        "windowed-counts", QueryableStoreTypes.windowStore()));
                assertThat(windows.fetch("common", 0L)).isEqualTo(200L);
                assertThat(windows.fetch("t0", 0L)).isNull();
                assertThat(windows.fetch("t0", 180_000L)).isEqualTo(1L);
                Map<String, Long> published = new HashMap<>();
                log.readUntil("word-counts", D, new LongDeserializer(), l -> {
                    l.forEach(r -> published.put(r.key(), r.value()));
                    return published.equals(expected);
                }, TIMEOUT);
                assertThat(streams.metadataForLocalThreads()).hasSize(2);
                await().atMost(TIMEOUT).untilAsserted(() -> {
                    long dropped = 0;
                    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                        for (TaskMetadata task : thread.activeTasks()) {
                            dropped += task.droppedRecords();
                        }
                    }
                    assertThat(dropped).isEqualTo(2L);
                });
            }
        }
    }

    @Test
    void shouldServeAQueryableTableWhileRunning() {
        try (EmbeddedTestLog log = new EmbeddedTestLog(dir)) {
            log.createTopic("users", 3);
            log.produce("users", S, S, List.of(KeyValue.pair("u1", "Ann"), KeyValue.pair("u2", "Bo"),
                    KeyValue.pair("u1", "Anne")), 1_000L);
            StreamsBuilder builder = new StreamsBuilder();
            builder.table("users", Consumed.with(Serdes.String(), Serdes.String()),
                    Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("users-by-id"));
            try (RunnelStreams streams = new RunnelStreams(builder.build(),
                    log.streamsProps("seed-table", dir.resolve("state")))) {
                streams.start();
                EmbeddedTestLog.awaitCaughtUp(streams, TIMEOUT);
                await().atMost(TIMEOUT).untilAsserted(() -> {
                    ReadOnlyKeyValueStore<String, String> users = streams.store(
                            StoreQueryParameters.fromNameAndType("users-by-id", QueryableStoreTypes.keyValueStore()));
                    assertThat(users.get("u1")).isEqualTo("Anne");
                    assertThat(users.get("u2")).isEqualTo("Bo");
                });
            }
        }
    }
}
