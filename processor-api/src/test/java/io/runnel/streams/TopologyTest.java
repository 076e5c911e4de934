package io.runnel.streams;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.StoreBuilder;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTest {

    static final class Noop implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    private static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long());
    }

    @Test
    void shouldDescribeTheSeedTopologyAsKafkaDoes() {
        Topology topology = new Topology()
                .addSource("Source", "input")
                .addProcessor("Process", Noop::new, "Source")
                .addSink("Sink", "output", "Process");
        assertThat(topology.describe().toString()).isEqualTo("""
                Topologies:
                   Sub-topology: 0
                    Source: Source (topics: [input])
                      --> Process
                    Processor: Process (stores: [])
                      --> Sink
                      <-- Source
                    Sink: Sink (topic: output)
                      <-- Process

                """);
    }

    @Test
    void shouldSplitUnconnectedPartsIntoSubtopologiesAndListStoresAndGlobalStores() {
        Topology topology = new Topology()
                .addSource("A", "a")
                .addProcessor("P1", Noop::new, "A")
                .addStateStore(store("counts"), "P1")
                .addSource("B", Pattern.compile("b-.*"))
                .addProcessor("P2", Noop::new, "B")
                .addSink("S2", "out", "P2")
                .addGlobalStore(store("global").withLoggingDisabled(), "G", Serdes.String().deserializer(),
                        Serdes.String().deserializer(), "g", "GP", () -> new Processor<String, String, Void, Void>() {
                            @Override
                            public void process(Record<String, String> record) {
                            }
                        });
        TopologyDescription description = topology.describe();
        assertThat(description.subtopologies()).hasSize(2);
        assertThat(description.globalStores()).hasSize(1);
        assertThat(description.toString()).isEqualTo("""
                Topologies:
                   Sub-topology: 0
                    Source: A (topics: [a])
                      --> P1
                    Processor: P1 (stores: [counts])
                      --> none
                      <-- A

                  Sub-topology: 1
                    Source: B (topics: b-.*)
                      --> P2
                    Processor: P2 (stores: [])
                      --> S2
                      <-- B
                    Sink: S2 (topic: output)
                      <-- P2

                  Sub-topology: 2 for global store (will not generate tasks)
                    Source: G (topics: [g])
                      --> GP
                    Processor: GP (stores: [global])
                      --> none
                      <-- G
                """.replace("topic: output", "topic: out"));
    }

    @Test
    void shouldJoinNodesSharingAStoreIntoOneSubtopology() {
        Topology topology = new Topology()
                .addSource("A", "a")
                .addSource("B", "b")
                .addProcessor("PA", Noop::new, "A")
                .addProcessor("PB", Noop::new, "B")
                .addStateStore(store("shared"), "PA", "PB");
        assertThat(topology.describe().subtopologies()).hasSize(1);
        assertThat(topology.describe().subtopologies().iterator().next().nodes()).extracting(
                TopologyDescription.Node::name).containsExactlyInAnyOrder("A", "B", "PA", "PB");
    }

    @Test
    void shouldRejectDuplicateNodeNames() {
        Topology topology = new Topology().addSource("Source", "input");
        assertThatThrownBy(() -> topology.addSource("Source", "other"))
                .isInstanceOf(TopologyException.class)
                .hasMessage("Invalid topology: Processor Source is already added.");
    }

    @Test
    void shouldRejectATopicReadTwice() {
        Topology topology = new Topology().addSource("S1", "input");
        assertThatThrownBy(() -> topology.addSource("S2", "input"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("Topic input has already been registered by another source");
        assertThatThrownBy(() -> topology.addSource("S3", Pattern.compile("in.*")))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("matches topic input");
    }

    @Test
    void shouldRejectUnknownParentsAndSinksAsParents() {
        Topology topology = new Topology().addSource("Source", "input").addSink("Sink", "out", "Source");
        assertThatThrownBy(() -> topology.addProcessor("P", Noop::new, "Nope"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("Predecessor processor Nope is not added yet for P");
        assertThatThrownBy(() -> topology.addProcessor("P", Noop::new, "Sink"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("Sink Sink cannot be a predecessor of P");
        assertThatThrownBy(() -> topology.addProcessor("P", Noop::new, "P"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("cannot be a predecessor of itself");
    }

    @Test
    void shouldRejectASupplierReturningTheSameInstance() {
        Noop shared = new Noop();
        Topology topology = new Topology().addSource("Source", "input");
        assertThatThrownBy(() -> topology.addProcessor("P", () -> shared, "Source"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("#get() must return a new Processor object each time it is called");
    }

    @Test
    void shouldRejectStoresConnectedToSourcesOrUnknownProcessors() {
        Topology topology = new Topology().addSource("Source", "input");
        assertThatThrownBy(() -> topology.addStateStore(store("s"), "Source"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("Cannot connect state store s to Source");
        Topology other = new Topology().addSource("Source", "input").addProcessor("P", Noop::new, "Source");
        assertThatThrownBy(() -> other.connectProcessorAndStateStores("P", "missing"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("StateStore missing is not added yet.");
    }

    @Test
    void shouldRejectTwoDifferentStoresWithOneNameButAcceptTheSameBuilderTwice() {
        StoreBuilder<KeyValueStore<String, Long>> counts = store("counts");
        ProcessorSupplier<Object, Object, Object, Object> supplier = new ProcessorSupplier<>() {
            @Override
            public Processor<Object, Object, Object, Object> get() {
                return new Noop();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(counts);
            }
        };
        Topology topology = new Topology().addSource("Source", "input")
                .addProcessor("P1", supplier, "Source")
                .addProcessor("P2", supplier, "Source");
        assertThat(topology.describe().toString()).contains("Processor: P1 (stores: [counts])")
                .contains("Processor: P2 (stores: [counts])");
        assertThatThrownBy(() -> topology.addStateStore(store("counts"), "P1"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("A different StateStore has already been added with the name counts");
    }

    @Test
    void shouldFingerprintInternalNamesAndReportWhatANewVersionWouldAbandon() {
        Topology v1 = new Topology().addSource("Source", "input")
                .addProcessor("P", Noop::new, "Source")
                .addStateStore(store("counts"), "P")
                .addStateStore(store("cache").withLoggingDisabled(), "P");
        TopologyFingerprint deployed = TopologyFingerprint.of(v1);
        assertThat(deployed.text()).isEqualTo("""
                changelog counts-changelog
                store cache
                store counts
                """);
        assertThat(TopologyFingerprint.parse(deployed.text())).isEqualTo(deployed);

        Topology v2 = new Topology().addSource("Source", "input")
                .addProcessor("Filter", Noop::new, "Source")
                .addProcessor("P", Noop::new, "Filter")
                .addStateStore(store("counts"), "P")
                .addStateStore(store("cache").withLoggingDisabled(), "P");
        assertThat(TopologyFingerprint.of(v2).incompatibilitiesWith(deployed)).isEmpty();
        assertThat(TopologyFingerprint.of(v2).hash()).isEqualTo(deployed.hash());

        Topology v3 = new Topology().addSource("Source", "input")
                .addProcessor("P", Noop::new, "Source")
                .addStateStore(store("counts-v2"), "P");
        assertThat(TopologyFingerprint.of(v3).incompatibilitiesWith(deployed)).containsExactly(
                "changelog 'counts-changelog' of the deployed topology is missing: its state would be abandoned"
                        + " (name it explicitly to keep it)",
                "store 'cache' of the deployed topology is missing: its state would be abandoned (name it"
                        + " explicitly to keep it)",
                "store 'counts' of the deployed topology is missing: its state would be abandoned (name it"
                        + " explicitly to keep it)");
    }

    @Test
    void shouldRejectAMalformedFingerprint() {
        assertThatThrownBy(() -> TopologyFingerprint.parse("store counts\nbogus\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 2");
    }
}
