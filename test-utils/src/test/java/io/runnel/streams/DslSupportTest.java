package io.runnel.streams;

import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.LongSerializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.api.ContextualFixedKeyProcessor;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.FixedKeyRecord;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.processor.internals.InternalProcessorContext;
import io.runnel.streams.processor.internals.ProcessorNode;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.Stores;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.internals.CachedStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** What the DSL builds on: cache flush listeners forwarding from a node, fixed-key processors, window stores. */
class DslSupportTest {

    /**
     * A KTable-like count: writes a cached timestamped store; the cache flush listener forwards the latest count
     * per key (with the old one) from this node when the task commits, as the DSL's KTable does.
     */
    static final class CachedCount extends ContextualProcessor<String, String, String, String> {
        private TimestampedKeyValueStore<String, Long> store;

        @SuppressWarnings("unchecked") // the store is the typed timestamped stack built by the store builder
        @Override
        public void init(ProcessorContext<String, String> context) {
            super.init(context);
            store = context.getStateStore("counts");
            InternalProcessorContext internal = InternalProcessorContext.of(context);
            ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
            boolean cached = ((CachedStateStore<String, ValueAndTimestamp<Long>>) store).setFlushListener(
                    (key, newValue, oldValue, timestamp) -> internal.forwardFrom(self, new Record<>(key,
                            (oldValue == null ? "null" : oldValue.value()) + "->" + newValue.value(), timestamp)),
                    true);
            assertThat(cached).isTrue();
        }

        @Override
        public void process(Record<String, String> record) {
            ValueAndTimestamp<Long> old = store.get(record.key());
            store.put(record.key(), ValueAndTimestamp.make(old == null ? 1 : old.value() + 1, record.timestamp()));
        }
    }

    @Test
    void shouldForwardCachedUpdatesFromTheFlushListenerOnCommit() {
        Topology topology = new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "in")
                .addProcessor("Count", CachedCount::new, "Source")
                .addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(
                        "counts"), Serdes.String(), Serdes.Long()).withCachingEnabled(), "Count")
                .addSink("Sink", "out", new StringSerializer(), new StringSerializer(), "Count");
        Properties props = new Properties();
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10_000L);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, Instant.ofEpochMilli(0))) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(),
                    new StringDeserializer());
            in.pipeInput("a", "x", 1L);
            in.pipeInput("a", "x", 2L);
            in.pipeInput("b", "x", 3L);
            in.pipeInput("a", "x", 4L);
            assertThat(out.isEmpty()).isTrue();
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            List<TestRecord<String, String>> flushed = out.readRecordsToList();
            assertThat(flushed).extracting(TestRecord::key, TestRecord::value, TestRecord::timestamp)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "null->1", 3L),
                            org.assertj.core.groups.Tuple.tuple("a", "null->3", 4L));
            in.pipeInput("a", "x", 5L);
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            assertThat(out.readValuesToList()).containsExactly("3->4");
        }
    }

    /** Appends "!" to values without touching keys. */
    static final class Exclaim extends ContextualFixedKeyProcessor<String, String, String> {
        @Override
        public void process(FixedKeyRecord<String, String> record) {
            context().forward(record.withValue(record.value() + "!"));
        }
    }

    @Test
    void shouldRunFixedKeyProcessors() {
        Topology topology = new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "in")
                .addFixedKeyProcessor("Exclaim", Exclaim::new, "Source")
                .addSink("Sink", "out", new StringSerializer(), new StringSerializer(), "Exclaim");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            in.pipeInput("k", "hey");
            assertThat(driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
                    .readKeyValue()).isEqualTo(KeyValue.pair("k", "hey!"));
        }
    }

    /** Counts per key in 10-second windows. */
    static final class WindowedCount extends ContextualProcessor<String, String, String, Long> {
        private WindowStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            super.init(context);
            store = context.getStateStore("windows");
        }

        @Override
        public void process(Record<String, String> record) {
            long start = record.timestamp() - record.timestamp() % 10_000;
            Long old = store.fetch(record.key(), start);
            long count = old == null ? 1 : old + 1;
            store.put(record.key(), count, start);
            context().forward(record.withValue(count));
        }
    }

    @Test
    void shouldQueryWindowStoresAcrossPartitions() {
        Topology topology = new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "in")
                .addProcessor("Count", WindowedCount::new, "Source")
                .addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("windows", Duration.ofHours(1),
                        Duration.ofSeconds(10), false), Serdes.String(), Serdes.Long()), "Count")
                .addSink("Sink", "out", new StringSerializer(), new LongSerializer(), "Count");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, new Properties(), Instant.ofEpochMilli(0),
                3)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            for (int i = 0; i < 12; i++) {
                in.pipeInput("k" + (i % 3), "x", i * 5_000L);
            }
            WindowStore<String, Long> view = driver.getWindowStore("windows");
            List<String> windows = new ArrayList<>();
            try (KeyValueIterator<Windowed<String>, Long> it = view.all()) {
                it.forEachRemaining(kv -> windows.add(kv.key.key() + "@" + kv.key.window().start() + "=" + kv.value));
            }
            assertThat(windows).hasSize(12).allSatisfy(w -> assertThat(w).endsWith("=1"));
            long total = 0;
            for (String w : windows) {
                total += Long.parseLong(w.substring(w.indexOf('=') + 1));
            }
            assertThat(total).isEqualTo(12L);
            assertThat(view.fetch("k0", 0L)).isEqualTo(1L);
            assertThat(driver.createOutputTopic("out", new StringDeserializer(), new LongDeserializer())
                    .readValuesToList()).hasSize(12);
        }
    }
}
