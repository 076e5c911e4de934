package io.runnel.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.integration.TestLog;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A crash (no close, no commit, no flush) followed by a restart loses no record: at-least-once. */
class CrashRestartIT {

    @TempDir
    Path dir;

    /** Counts like {@code CountProcessor}; asks for a commit only for ids below 1000 (the first batch). */
    static final class CommitFirstBatch extends ContextualProcessor<String, String, String, Long> {
        private KeyValueStore<String, Long> seen;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            super.init(context);
            seen = context.getStateStore("seen");
        }

        @Override
        public void process(Record<String, String> record) {
            Long old = seen.get(record.key());
            long count = old == null ? 1 : old + 1;
            seen.put(record.key(), count);
            context().forward(record.withValue(count));
            if (Integer.parseInt(record.key().substring(3)) < 1000) {
                context().commit();
            }
        }
    }

    private static Topology topology() {
        return new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "in")
                .addProcessor("Count", CommitFirstBatch::new, "Source")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("seen"), Serdes.String(),
                        Serdes.Long()).withCachingEnabled(), "Count")
                .addSink("Sink", "out", Serdes.String().serializer(), Serdes.Long().serializer(), "Count");
    }

    private static List<KeyValue<String, String>> records(int from, int to) {
        List<KeyValue<String, String>> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(KeyValue.pair("id-" + i, "v"));
        }
        return list;
    }

    @Test
    void shouldResumeFromCommittedOffsetsAndRestoredStateAfterACrash() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("in", 2);
            log.createTopic("out", 2);
            Properties props = log.streamsProps("crash-app", dir.resolve("state"));
            log.produce("in", new StringSerializer(), new StringSerializer(), records(0, 1000), 10L);

            Properties noIntervalCommits = new Properties();
            noIntervalCommits.putAll(props);
            noIntervalCommits.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 3_600_000L);
            RunnelStreams first = new RunnelStreams(topology(), noIntervalCommits);
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> first.state() == RunnelStreams.State.RUNNING
                    && first.inputLags().size() == 2 && first.inputLags().values().stream().allMatch(l -> l == 0));
            // the second batch is processed and partly written out, but never committed: then the process dies
            log.produce("in", new StringSerializer(), new StringSerializer(), records(1000, 3000), 11L);
            log.readUntil("out", new StringDeserializer(), Serdes.Long().deserializer(),
                    l -> l.stream().anyMatch(r -> Integer.parseInt(r.key().substring(3)) >= 1000),
                    Duration.ofSeconds(30));
            assertThat(first.inputLags().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2000L);
            first.abandon();

            try (RunnelStreams second = new RunnelStreams(topology(), props)) {
                second.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> second.state() == RunnelStreams.State.RUNNING
                        && second.inputLags().size() == 2
                        && second.inputLags().values().stream().allMatch(l -> l == 0));
                List<ConsumerRecord<String, Long>> out = log.readUntil("out", new StringDeserializer(),
                        Serdes.Long().deserializer(), l -> ids(l).size() == 3000, Duration.ofSeconds(30));
                assertThat(ids(out)).hasSize(3000);
                // the uncommitted batch was processed again: what reached the output before the crash is repeated
                assertThat(out.size()).isGreaterThan(3000);
                ReadOnlyKeyValueStore<String, Long> seen = second.store(StoreQueryParameters.fromNameAndType("seen",
                        QueryableStoreTypes.keyValueStore()));
                Set<String> keys = new HashSet<>();
                try (var it = seen.all()) {
                    it.forEachRemaining(kv -> {
                        keys.add(kv.key);
                        assertThat(kv.value).isGreaterThanOrEqualTo(1L);
                    });
                }
                assertThat(keys).hasSize(3000);
            }
        }
    }

    private static Set<String> ids(List<ConsumerRecord<String, Long>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.key()));
        return ids;
    }
}
