package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.TestInputTopic;
import io.runnel.streams.TopologyTestDriver;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.processor.api.ContextualFixedKeyProcessor;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.FixedKeyRecord;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorApiInDslTest {

    private static final StringSerializer S = new StringSerializer();
    private static final StringDeserializer D = new StringDeserializer();

    /** Emits "key#n" where n counts the key's records, in a store given by name. */
    static final class Numbering extends ContextualProcessor<String, String, String, String> {
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, String> context) {
            super.init(context);
            store = context.getStateStore("numbers");
        }

        @Override
        public void process(Record<String, String> record) {
            Long n = store.get(record.key());
            long next = n == null ? 1 : n + 1;
            store.put(record.key(), next);
            context().forward(record.withKey(record.value()).withValue(record.key() + "#" + next));
        }
    }

    /** Upper-cases values. */
    static final class Upper extends ContextualFixedKeyProcessor<String, String, String> {
        @Override
        public void process(FixedKeyRecord<String, String> record) {
            context().forward(record.withValue(record.value().toUpperCase()));
        }
    }

    @Test
    void shouldRunProcessorsWithStoresInsideTheDslAndRepartitionAfterThem() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("numbers"), Serdes.String(),
                Serdes.Long()));
        builder.<String, String>stream("in")
                .process(Numbering::new, "numbers")
                .processValues(Upper::new)
                .groupByKey()
                .count(Materialized.as("per-value"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 2)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("a", "x");
            in.pipeInput("a", "y");
            in.pipeInput("b", "x");
            KeyValueStore<String, Long> counts = driver.getKeyValueStore("per-value");
            assertThat(counts.get("x")).isEqualTo(2L);
            assertThat(counts.get("y")).isEqualTo(1L);
            assertThat(builder.build().describe().toString()).contains("-repartition");
        }
    }

    @Test
    void shouldRepartitionExplicitlyWithAFixedPartitionCount() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in")
                .repartition(Repartitioned.<String, String>as("spread").withNumberOfPartitions(4))
                .to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            driver.createInputTopic("in", S, S).pipeInput("k", "v");
            assertThat(driver.createOutputTopic("out", D, D).readKeyValue()).isEqualTo(KeyValue.pair("k", "v"));
        }
        assertThat(builder.build().describe().toString()).contains("spread-repartition");
    }

    @Test
    void shouldTurnAStreamIntoATable() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").toTable(Materialized.as("latest")).toStream().to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("k", "1");
            in.pipeInput("k", "2");
            in.pipeInput("k", (String) null);
            assertThat(driver.createOutputTopic("out", D, D).readValuesToList()).containsExactly("1", "2", null);
            assertThat(driver.getKeyValueStore("latest").get("k")).isNull();
        }
    }

    @Test
    void shouldRejectAStoreAddedTwiceAndAStoreNamedByNoProcessor() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(),
                Serdes.String()));
        assertThatThrownBy(() -> builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"),
                Serdes.String(), Serdes.String()))).isInstanceOf(TopologyException.class).hasMessageContaining("s");
        builder.<String, String>stream("in").process(Numbering::new, "unknown-store");
        assertThatThrownBy(builder::build).isInstanceOf(TopologyException.class)
                .hasMessageContaining("unknown-store");
    }
}
