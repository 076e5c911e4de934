package io.runnel.streams.integration;

import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.LagInfo;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StoreQueryParameters;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.processor.StateRestoreListener;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A RocksDB store restored from its changelog: fully after the state directory is deleted, partly from a checkpoint. */
class StatefulRestoreIT {

    @TempDir
    Path dir;

    private static Topology countTopology() {
        return new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "words")
                .addProcessor("Count", () -> new CountProcessor("counts"), "Source")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"), Serdes.String(),
                        Serdes.Long()), "Count")
                .addSink("Sink", "word-counts", Serdes.String().serializer(), Serdes.Long().serializer(), "Count");
    }

    private static final class CountingListener implements StateRestoreListener {
        final AtomicLong restored = new AtomicLong();
        final AtomicLong ends = new AtomicLong();

        @Override
        public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
        }

        @Override
        public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long n) {
            restored.addAndGet(n);
        }

        @Override
        public void onRestoreEnd(TopicPartition tp, String store, long total) {
            ends.incrementAndGet();
        }
    }

    private RunnelStreams start(TestLog log, CountingListener listener) {
        Properties props = log.streamsProps("restore-app", dir.resolve("state"));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        RunnelStreams streams = new RunnelStreams(countTopology(), props);
        streams.setGlobalStateRestoreListener(listener);
        streams.start();
        return streams;
    }

    private static void awaitCaughtUp(RunnelStreams streams) {
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.RUNNING
                && streams.inputLags().size() == 2 && streams.inputLags().values().stream().allMatch(l -> l == 0));
    }

    private static Map<String, Long> counts(RunnelStreams streams) {
        ReadOnlyKeyValueStore<String, Long> view = streams.store(StoreQueryParameters.fromNameAndType("counts",
                QueryableStoreTypes.keyValueStore()));
        Map<String, Long> result = new HashMap<>();
        try (var it = view.all()) {
            it.forEachRemaining(kv -> result.put(kv.key, kv.value));
        }
        return result;
    }

    private static List<KeyValue<String, String>> words(int n, int distinct) {
        List<KeyValue<String, String>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(KeyValue.pair("w" + (i % distinct), "x"));
        }
        return list;
    }

    @Test
    void shouldRestoreFromTheCheckpointAfterARestartAndFullyAfterTheStateDirectoryIsDeleted() throws Exception {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("words", 2);
            log.createTopic("word-counts", 2);
            log.produce("words", new StringSerializer(), new StringSerializer(), words(1000, 50), 1L);

            CountingListener first = new CountingListener();
            try (RunnelStreams streams = start(log, first)) {
                awaitCaughtUp(streams);
                assertThat(counts(streams)).hasSize(50).allSatisfy((k, v) -> assertThat(v).isEqualTo(20L));
                assertThat(log.partitions("restore-app-counts-changelog")).isEqualTo(2);
            }
            assertThat(first.restored.get()).isZero();
            assertThat(Files.exists(dir.resolve("state/restore-app/0_0/.checkpoint"))).isTrue();

            // restart with the local state kept: nothing (or almost nothing) to restore
            log.produce("words", new StringSerializer(), new StringSerializer(), words(100, 50), 2L);
            CountingListener second = new CountingListener();
            try (RunnelStreams streams = start(log, second)) {
                awaitCaughtUp(streams);
                assertThat(counts(streams)).hasSize(50).allSatisfy((k, v) -> assertThat(v).isEqualTo(22L));
                Map<String, Map<Integer, LagInfo>> lags = streams.allLocalStorePartitionLags();
                assertThat(lags.get("counts")).hasSize(2)
                        .allSatisfy((p, lag) -> assertThat(lag.offsetLag()).isZero());
            }
            assertThat(second.restored.get()).isZero();

            // delete the local state: every store is rebuilt from its changelog before processing
            RunnelStreams cleaner = new RunnelStreams(countTopology(), log.streamsProps("restore-app",
                    dir.resolve("state")));
            cleaner.cleanUp();
            cleaner.close();
            assertThat(Files.exists(dir.resolve("state/restore-app/0_0"))).isFalse();
            CountingListener third = new CountingListener();
            try (RunnelStreams streams = start(log, third)) {
                awaitCaughtUp(streams);
                assertThat(counts(streams)).hasSize(50).allSatisfy((k, v) -> assertThat(v).isEqualTo(22L));
            }
            assertThat(third.restored.get()).isEqualTo(1100L);
            assertThat(third.ends.get()).isEqualTo(2);

            var output = log.readUntil("word-counts", new StringDeserializer(), new LongDeserializer(),
                    l -> l.size() >= 1100, Duration.ofSeconds(10));
            assertThat(output).hasSize(1100);
        }
    }
}
