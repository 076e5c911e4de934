package io.runnel.server;

import io.runnel.clients.ClientTestKit;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.internals.ClientTransports;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RecordMetadata;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.GroupState;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigException;
import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.utils.MockTime;
import io.runnel.log.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class EmbeddedLogTest {

    @TempDir
    Path dir;

    private Map<String, Object> producerProps() {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("bootstrap.servers", "file://" + dir.toAbsolutePath());
        p.put("key.serializer", io.runnel.common.serialization.StringSerializer.class);
        p.put("value.serializer", io.runnel.common.serialization.StringSerializer.class);
        p.put("linger.ms", 0);
        return p;
    }

    @Test
    void shouldShareOneLogPerDirectoryAndCloseItWithTheLastReference() throws Exception {
        EmbeddedLog handle = EmbeddedLog.open(dir);
        RunnelProducer<String, String> producer = new RunnelProducer<>(producerProps());
        EmbeddedLog second = EmbeddedLog.open(dir);
        assertThat(second.logManager()).isSameAs(handle.logManager());
        handle.close();
        second.close();
        assertThat(EmbeddedLog.isOpen(dir)).as("the producer still holds a reference").isTrue();
        assertThat(producer.send(new ProducerRecord<>("t", "v")).get().offset()).isZero();
        producer.close();
        assertThat(EmbeddedLog.isOpen(dir)).isFalse();
        try (LogManager direct = LogManager.open(Map.of("log.dir", dir.toString()))) {
            assertThat(direct.listTopics()).as("the directory lock was released").contains("t");
        }
    }

    @Test
    void shouldOpenTheLogImplicitlyFromAClientWithItsBrokerSettings() {
        Map<String, Object> props = producerProps();
        props.put("broker.num.partitions", "4");
        try (RunnelProducer<String, String> p = new RunnelProducer<>(props)) {
            assertThat(p.partitionsFor("auto")).hasSize(4);
            Map<String, Object> conflicting = producerProps();
            conflicting.put("broker.num.partitions", "5");
            assertThatThrownBy(() -> new RunnelProducer<String, String>(conflicting))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("first opener's broker settings win")
                    .hasMessageContaining("num.partitions=5 (open with num.partitions=4)");
            Map<String, Object> agreeing = producerProps();
            agreeing.put("broker.num.partitions", 4);
            new RunnelProducer<String, String>(agreeing).close();
        }
    }

    @Test
    void shouldRefuseReplicationUntilItExists() {
        assertThatThrownBy(() -> EmbeddedLog.open(dir, Map.of("default.replication.factor", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("default.replication.factor=3 is not supported by Runnel")
                .hasMessageContaining("replication does not exist yet");
        assertThat(EmbeddedLog.isOpen(dir)).isFalse();
    }

    @Test
    void shouldNameTheHolderWhenTheDirectoryIsLocked() {
        try (LogManager other = LogManager.open(Map.of("log.dir", dir.toString()))) {
            assertThatThrownBy(() -> EmbeddedLog.open(dir)).isInstanceOf(RunnelStorageException.class)
                    .hasMessageContaining("already in use");
            assertThat(other.listTopics()).isEmpty();
        }
    }

    @Test
    void shouldUnderstandFileUrisAndRefuseNetworkAddresses() {
        assertThat(ClientTransports.embeddedDirectory(List.of("file:///var/lib/runnel"))).isEqualTo(Path.of("/var/lib/runnel"));
        assertThat(ClientTransports.embeddedDirectory(List.of("file://localhost/x"))).isEqualTo(Path.of("/x"));
        assertThat(ClientTransports.embeddedDirectory(List.of("file:data/log"))).isEqualTo(Path.of("data/log"));
        assertThatThrownBy(() -> ClientTransports.embeddedDirectory(List.of("file://host/x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file:///absolute/path");
        assertThatThrownBy(() -> ClientTransports.embeddedDirectory(List.of("file:///a", "file:///b")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("several embedded logs");
        assertThatThrownBy(() -> ClientTransports.embeddedDirectory(List.of("broker:9092")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not supported yet");
        assertThatThrownBy(() -> ClientTransports.embeddedDirectory(List.of())).isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldKeepTheClusterIdAndCommittedOffsetsAcrossRestarts() {
        String clusterId;
        TopicPartition tp = new TopicPartition("t", 0);
        try (EmbeddedLog log = EmbeddedLog.open(dir)) {
            clusterId = log.clusterId();
            try (RunnelConsumer<String, String> c = new RunnelConsumer<>(ClientTestKit.consumerProps(log, "g"))) {
                c.assign(List.of(tp));
                c.commitSync(Map.of(tp, new OffsetAndMetadata(42, "note")));
            }
        }
        assertThat(EmbeddedLog.isOpen(dir)).isFalse();
        try (EmbeddedLog log = EmbeddedLog.open(dir);
             RunnelConsumer<String, String> c = new RunnelConsumer<>(ClientTestKit.consumerProps(log, "g"))) {
            assertThat(log.clusterId()).isEqualTo(clusterId);
            assertThat(c.committed(Set.of(tp)).get(tp)).isEqualTo(new OffsetAndMetadata(42, "note"));
        }
    }

    @Test
    void shouldRunClientsOnTheMockClockOfTheLog() throws Exception {
        MockTime time = new MockTime();
        try (EmbeddedLog log = EmbeddedLog.open(dir, Map.of("group.min.session.timeout.ms", "100"), time)) {
            Map<String, Object> pp = ClientTestKit.producerProps(log);
            pp.put("linger.ms", 1000);
            try (RunnelProducer<String, String> p = new RunnelProducer<>(pp)) {
                Future<RecordMetadata> f = p.send(new ProducerRecord<>("t", 0, "k", "v"));
                assertThat(f.isDone()).as("lingering on the mock clock").isFalse();
                time.advance(1000);
                await().atMost(Duration.ofSeconds(10)).until(f::isDone);
                assertThat(f.get().offset()).isZero();
            }
            Map<String, Object> cp = ClientTestKit.consumerProps(log, "mock");
            cp.put("max.poll.interval.ms", 5000);
            cp.put("session.timeout.ms", 1000);
            try (RunnelConsumer<String, String> c = new RunnelConsumer<>(cp)) {
                c.subscribe(List.of("t"));
                c.poll(Duration.ZERO);
                assertThat(c.assignment()).isNotEmpty();
                assertThat(log.groupCoordinator().groupState("mock")).isEqualTo(GroupState.STABLE);
                time.advance(5001);
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        log.groupCoordinator().groupState("mock") == GroupState.EMPTY);
            }
        }
    }
}
