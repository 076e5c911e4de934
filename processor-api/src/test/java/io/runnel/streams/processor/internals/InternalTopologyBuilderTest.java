package io.runnel.streams.processor.internals;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalTopologyBuilderTest {

    static final class Noop implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    @Test
    void shouldGenerateNamesThatDependOnTheAnchorNotOnPosition() {
        InternalTopologyBuilder v1 = new InternalTopologyBuilder();
        String store1 = v1.stableName("KSTREAM-AGGREGATE-STATE-STORE", "orders|count");
        InternalTopologyBuilder v2 = new InternalTopologyBuilder();
        v2.stableName("KSTREAM-FILTER", "orders|filter");
        String store2 = v2.stableName("KSTREAM-AGGREGATE-STATE-STORE", "orders|count");
        assertThat(store2).isEqualTo(store1).matches("KSTREAM-AGGREGATE-STATE-STORE-[0-9a-f]{8}");
        assertThat(v2.stableName("KSTREAM-AGGREGATE-STATE-STORE", "orders|count")).isEqualTo(store1 + "-1");
        assertThat(v2.stableName("KSTREAM-AGGREGATE-STATE-STORE", "payments|count")).isNotEqualTo(store1);
    }

    @Test
    void shouldDescribeEachSubtopologysTopicsWithDecoratedInternalNames() {
        InternalTopologyBuilder b = new InternalTopologyBuilder();
        b.addSource(null, "S", null, null, null, "input");
        b.addSink("K", "x-repartition", null, null, null, "S");
        b.addSource(null, "R", null, null, null, "x-repartition");
        b.addProcessor("P", Noop::new, "R");
        b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("win", Duration.ofHours(1),
                Duration.ofMinutes(5), false), Serdes.String(), Serdes.Long()), "P");
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("nolog"), Serdes.String(),
                Serdes.Long()).withLoggingDisabled(), "P");
        b.addSink("Out", "output", null, null, null, "P");
        b.addInternalTopic("x-repartition", null);
        b.setApplicationId("app");
        Map<Integer, TopicsInfo> topics = b.subtopologyTopics();
        assertThat(topics.get(0).sourceTopics()).containsExactly("input");
        assertThat(topics.get(0).sinkTopics()).containsExactly("app-x-repartition");
        assertThat(topics.get(1).repartitionSourceTopics()).containsOnlyKeys("app-x-repartition");
        assertThat(topics.get(1).stateChangelogTopics()).containsOnlyKeys("app-win-changelog");
        assertThat(topics.get(1).stateChangelogTopics().get("app-win-changelog").topicConfigs())
                .containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", String.valueOf(3_600_000L + 86_400_000L));
        assertThat(b.changelogTopic("nolog")).isNull();
        assertThat(b.subtopologyForTopic("app-x-repartition")).isEqualTo(1);
        assertThat(b.isStateful(1)).isTrue();
        assertThat(b.isStateful(0)).isFalse();
        assertThat(b.storesOf(1)).isEqualTo(Set.of("win", "nolog"));

        ProcessorTopology task = b.buildSubtopology(1);
        assertThat(task.source("app-x-repartition").name()).isEqualTo("R");
        assertThat(task.stores()).containsOnlyKeys("win", "nolog");
        assertThat(task.repartitionTopics()).containsExactly("app-x-repartition");
        assertThat(task.nodes()).extracting(ProcessorNode::name).containsExactly("R", "P", "Out");
    }

    @Test
    void shouldUseASourceTopicAsChangelogWhenDeclared() {
        InternalTopologyBuilder b = new InternalTopologyBuilder();
        b.addSource(null, "S", null, null, null, "table-topic");
        b.addProcessor("P", Noop::new, "S");
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("table"), Serdes.String(),
                Serdes.String()).withLoggingDisabled(), "P");
        b.connectSourceStoreAndTopic("table", "table-topic");
        b.setApplicationId("app");
        assertThat(b.changelogTopic("table")).isEqualTo("table-topic");
        assertThat(b.subtopologyTopics().get(0).stateChangelogTopics()).isEmpty();
        assertThat(b.buildSubtopology(0).hasSourceTopicChangelog("table")).isTrue();
        assertThatThrownBy(() -> b.connectSourceStoreAndTopic("table", "other"))
                .hasMessageContaining("Topic other is not a source topic");
    }

    @Test
    void shouldRequireEveryStoreToBeConnected() {
        InternalTopologyBuilder b = new InternalTopologyBuilder();
        b.addSource(null, "S", null, null, null, "in");
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("lonely"), Serdes.String(),
                Serdes.String()));
        assertThatThrownBy(b::validate).hasMessageContaining("StateStore lonely is not connected to any processor");
    }
}
