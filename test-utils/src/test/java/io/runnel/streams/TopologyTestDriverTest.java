package io.runnel.streams;

import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.LongSerializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.Stores;
import io.runnel.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTestDriverTest {

    static final class FilterProcessor extends ContextualProcessor<String, String, String, String> {
        @Override
        public void process(Record<String, String> record) {
            if (record.value().length() > 5) {
                context().forward(record);
            }
            context().commit();
        }
    }

    private static Properties stringSerdes() {
        Properties p = new Properties();
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        return p;
    }

    @Test
    void shouldRunTheSeedFilterTopology() {
        Topology topology = new Topology()
                .addSource("Source", "input")
                .addProcessor("Process", FilterProcessor::new, "Source")
                .addSink("Sink", "output", "Process");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes())) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("output", new StringDeserializer(),
                    new StringDeserializer());
            in.pipeInput("a", "short");
            in.pipeInput("b", "long enough");
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("b", "long enough"));
            assertThat(out.isEmpty()).isTrue();
            assertThat(driver.producedTopicNames()).containsExactly("output");
        }
    }

    @Test
    void shouldPassTimestampsAndHeadersThrough() {
        Topology topology = new Topology()
                .addSource("Source", "input")
                .addProcessor("Process", FilterProcessor::new, "Source")
                .addSink("Sink", "output", "Process");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes())) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", new StringSerializer(),
                    new StringSerializer(), Instant.ofEpochMilli(1000), Duration.ofMillis(10));
            TestOutputTopic<String, String> out = driver.createOutputTopic("output", new StringDeserializer(),
                    new StringDeserializer());
            io.runnel.common.header.internals.RecordHeaders headers = new io.runnel.common.header.internals
                    .RecordHeaders();
            headers.add("trace", new byte[] {7});
            in.pipeInput(new TestRecord<>("k", "value one", headers, (Instant) null));
            in.pipeInput("k", "value two");
            List<TestRecord<String, String>> records = out.readRecordsToList();
            assertThat(records).extracting(TestRecord::timestamp).containsExactly(1000L, 1010L);
            assertThat(records.get(0).headers().lastHeader("trace").value()).containsExactly(7);
        }
    }

    @Test
    void shouldPropagateProcessingFailuresToTheTest() {
        Topology topology = new Topology()
                .addSource("Source", "input")
                .addProcessor("Process", () -> new Processor<String, String, String, String>() {
                    @Override
                    public void process(Record<String, String> record) {
                        throw new IllegalStateException("boom");
                    }
                }, "Source")
                .addSink("Sink", "output", "Process");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes())) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", new StringSerializer(),
                    new StringSerializer());
            assertThatThrownBy(() -> in.pipeInput("k", "v"))
                    .isInstanceOf(StreamsException.class)
                    .hasMessageContaining("taskId=0_0, processor=Process, topic=input, partition=0, offset=0");
        }
    }

    @Test
    void shouldRejectTopicsTheTopologyDoesNotRead() {
        Topology topology = new Topology().addSource("Source", "input").addSink("Sink", "output", "Source");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes())) {
            TestInputTopic<String, String> wrong = driver.createInputTopic("nope", new StringSerializer(),
                    new StringSerializer());
            assertThatThrownBy(() -> wrong.pipeInput("k", "v")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Unknown topic: nope");
        }
    }

    /** Re-keys each record by its value (to be counted downstream, after a repartition topic). */
    static final class KeyByValue extends ContextualProcessor<String, String, String, String> {
        @Override
        public void process(Record<String, String> record) {
            context().forward(record.withKey(record.value()));
        }
    }

    /** Counts per key in a timestamped store "counts", forwarding the count. */
    static final class Counter extends ContextualProcessor<String, String, String, Long> {
        private KeyValueStore<String, ValueAndTimestamp<Long>> store;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            super.init(context);
            store = context.getStateStore("counts");
        }

        @Override
        public void process(Record<String, String> record) {
            ValueAndTimestamp<Long> old = store.get(record.key());
            long count = old == null ? 1 : old.value() + 1;
            store.put(record.key(), ValueAndTimestamp.make(count, record.timestamp()));
            context().forward(record.withValue(count));
        }
    }

    private static Topology repartitionedCount() {
        Topology topology = new Topology()
                .addSource("Source", "words")
                .addProcessor("KeyByValue", KeyByValue::new, "Source")
                .addSink("ToRepartition", "by-word-repartition", "KeyByValue")
                .addSource("FromRepartition", "by-word-repartition")
                .addProcessor("Count", Counter::new, "FromRepartition")
                .addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(
                        "counts"), Serdes.String(), Serdes.Long()), "Count")
                .addSink("Sink", "word-counts", new StringSerializer(), new LongSerializer(), "Count");
        topology.internalTopologyBuilder.addInternalTopic("by-word-repartition", null);
        return topology;
    }

    @Test
    void shouldRunSeveralPartitionsThroughARepartitionTopic() {
        try (TopologyTestDriver driver = new TopologyTestDriver(repartitionedCount(), stringSerdes(),
                Instant.ofEpochMilli(0), 3)) {
            TestInputTopic<String, String> in = driver.createInputTopic("words", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, Long> out = driver.createOutputTopic("word-counts", new StringDeserializer(),
                    new LongDeserializer());
            List<KeyValue<String, String>> input = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                input.add(KeyValue.pair("line-" + i, "w" + (i % 4)));
            }
            in.pipeKeyValueList(input);
            Map<String, Long> counts = out.readKeyValuesToMap();
            assertThat(counts).containsOnlyKeys("w0", "w1", "w2", "w3");
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(30L);
            assertThat(counts.get("w0")).isEqualTo(8L);

            KeyValueStore<String, ValueAndTimestamp<Long>> store = driver.getTimestampedKeyValueStore("counts");
            assertThat(store.get("w1").value()).isEqualTo(8L);
            try (var all = store.all()) {
                List<String> keys = new ArrayList<>();
                all.forEachRemaining(kv -> keys.add(kv.key));
                assertThat(keys).containsExactlyInAnyOrder("w0", "w1", "w2", "w3");
            }
            KeyValueStore<String, Long> plain = driver.getKeyValueStore("counts");
            assertThat(plain.get("w3")).isEqualTo(7L);
            assertThatThrownBy(() -> store.put("w1", ValueAndTimestamp.make(0L, 0L)))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("spread over 3 partitions");
        }
    }

    @Test
    void shouldLetTestsWriteTheStoreOfASinglePartitionTopology() {
        try (TopologyTestDriver driver = new TopologyTestDriver(repartitionedCount(), stringSerdes())) {
            KeyValueStore<String, ValueAndTimestamp<Long>> store = driver.getTimestampedKeyValueStore("counts");
            store.put("w9", ValueAndTimestamp.make(41L, 0L));
            TestInputTopic<String, String> in = driver.createInputTopic("words", new StringSerializer(),
                    new StringSerializer());
            in.pipeInput("l", "w9");
            TestOutputTopic<String, Long> out = driver.createOutputTopic("word-counts", new StringDeserializer(),
                    new LongDeserializer());
            assertThat(out.readKeyValue()).isEqualTo(KeyValue.pair("w9", 42L));
            assertThat(driver.getAllStateStores()).containsOnlyKeys("counts");
        }
    }

    /** Enriches each record with the global store "names". */
    static final class Enrich extends ContextualProcessor<String, String, String, String> {
        private KeyValueStore<String, String> names;

        @Override
        public void init(ProcessorContext<String, String> context) {
            super.init(context);
            names = context.getStateStore("names");
        }

        @Override
        public void process(Record<String, String> record) {
            context().forward(record.withValue(record.value() + " by " + names.get(record.key())));
        }
    }

    /** Writes what it receives into the global store "names". */
    static final class NameUpdater implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore("names");
        }

        @Override
        public void process(Record<String, String> record) {
            store.put(record.key(), record.value());
        }
    }

    @Test
    void shouldReadGlobalStoresFromEveryTask() {
        Topology topology = new Topology()
                .addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("names"), Serdes.String(),
                        Serdes.String()), "Names", new StringDeserializer(), new StringDeserializer(), "users",
                        "NameUpdater", NameUpdater::new)
                .addSource("Source", "orders")
                .addProcessor("Enrich", Enrich::new, "Source")
                .addSink("Sink", "enriched", "Enrich");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes(), Instant.ofEpochMilli(0),
                2)) {
            TestInputTopic<String, String> users = driver.createInputTopic("users", new StringSerializer(),
                    new StringSerializer());
            TestInputTopic<String, String> orders = driver.createInputTopic("orders", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("enriched", new StringDeserializer(),
                    new StringDeserializer());
            users.pipeInput("u1", "Ada");
            users.pipeInput("u2", "Grace");
            orders.pipeInput("u1", "book");
            orders.pipeInput("u2", "lamp");
            assertThat(out.readValuesToList()).containsExactlyInAnyOrder("book by Ada", "lamp by Grace");
            assertThat(driver.<String, String>getKeyValueStore("names").get("u2")).isEqualTo("Grace");
        }
    }
}
