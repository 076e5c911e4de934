package io.runnel.clients.admin;

import io.runnel.clients.ClientTestKit;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.GroupState;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigResource;
import io.runnel.common.errors.GroupIdNotFoundException;
import io.runnel.common.errors.GroupNotEmptyException;
import io.runnel.common.errors.InvalidConfigurationException;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.InvalidReplicationFactorException;
import io.runnel.common.errors.InvalidRequestException;
import io.runnel.common.errors.InvalidTopicException;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.internals.Topic;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class RunnelAdminClientTest {

    @TempDir
    Path dir;

    private EmbeddedLog log;
    private Admin admin;

    @BeforeEach
    void open() {
        log = EmbeddedLog.open(dir, Map.of("num.partitions", "2"));
        admin = Admin.create(Map.of("bootstrap.servers", log.bootstrapServers()));
    }

    @AfterEach
    void close() {
        admin.close();
        log.close();
    }

    private void produce(String topic, int partition, int count) {
        try (RunnelProducer<String, String> p = new RunnelProducer<>(ClientTestKit.producerProps(log))) {
            for (int i = 0; i < count; i++) {
                p.send(new ProducerRecord<>(topic, partition, (long) (1000 * (i + 1)), "k", "v" + i));
            }
            p.flush();
        }
    }

    @Test
    void shouldCreateDescribeAndListTopics() throws Exception {
        CreateTopicsResult r = admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")), new NewTopic("events", Optional.empty(), Optional.empty())));
        r.all().get();
        assertThat(r.numPartitions("orders").get()).isEqualTo(3);
        assertThat(r.numPartitions("events").get()).as("num.partitions").isEqualTo(2);
        TopicDescription d = admin.describeTopics(List.of("orders")).allTopicNames().get().get("orders");
        assertThat(d.partitions()).hasSize(3);
        assertThat(d.partitions().get(0).leader().id()).isZero();
        assertThat(d.partitions().get(0).replicas()).hasSize(1);
        assertThat(d.topicId()).isEqualTo(r.topicId("orders").get());
        assertThat(d.isInternal()).isFalse();
        assertThat(admin.listTopics().names().get()).containsExactly("events", "orders");
    }

    @Test
    void shouldRefuseBadTopicsWithSpecificExceptions() {
        CreateTopicsResult r = admin.createTopics(List.of(new NewTopic("ok", 1, (short) 1),
                new NewTopic("replicated", 1, (short) 3), new NewTopic("bad name!", 1, (short) 1),
                new NewTopic("zero", 0, (short) 1), new NewTopic("conf", 1, (short) 1).configs(Map.of("nope", "1"))));
        assertThat(r.values().get("ok")).succeedsWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> r.values().get("replicated").get()).hasCauseInstanceOf(
                InvalidReplicationFactorException.class).hasMessageContaining("one node and no replication yet");
        assertThatThrownBy(() -> r.values().get("bad name!").get()).hasCauseInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> r.values().get("zero").get()).hasCauseInstanceOf(InvalidPartitionsException.class);
        assertThatThrownBy(() -> r.values().get("conf").get()).hasCauseInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> r.all().get()).isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("ok", 1, (short) 1))).all().get())
                .hasCauseInstanceOf(TopicExistsException.class);
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(Topic.GROUP_METADATA_TOPIC_NAME, 1, (short) 1)))
                .all().get()).hasCauseInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldValidateWithoutCreating() throws Exception {
        admin.createTopics(List.of(new NewTopic("dry", 1, (short) 1)), new CreateTopicsOptions().validateOnly(true))
                .all().get();
        assertThat(admin.listTopics().names().get()).doesNotContain("dry");
    }

    @Test
    void shouldHideInternalTopicsUnlessAsked() throws Exception {
        admin.alterConsumerGroupOffsets("g", Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(1))).all().get();
        assertThat(admin.listTopics().names().get()).doesNotContain(Topic.GROUP_METADATA_TOPIC_NAME);
        assertThat(admin.listTopics(new ListTopicsOptions().listInternal(true)).namesToListings().get())
                .hasEntrySatisfying(Topic.GROUP_METADATA_TOPIC_NAME, l -> assertThat(l.isInternal()).isTrue());
        assertThatThrownBy(() -> admin.deleteTopics(List.of(Topic.GROUP_METADATA_TOPIC_NAME)).all().get())
                .hasCauseInstanceOf(InvalidTopicException.class);
    }

    @Test
    void shouldDeleteTopicsAndGrowPartitions() throws Exception {
        admin.createTopics(List.of(new NewTopic("a", 1, (short) 1), new NewTopic("b", 2, (short) 1))).all().get();
        admin.createPartitions(Map.of("a", NewPartitions.increaseTo(4))).all().get();
        assertThat(admin.describeTopics(List.of("a")).topicNameValues().get("a").get().partitions()).hasSize(4);
        assertThatThrownBy(() -> admin.createPartitions(Map.of("b", NewPartitions.increaseTo(1))).all().get())
                .hasCauseInstanceOf(InvalidPartitionsException.class);
        admin.deleteTopics(List.of("a")).all().get();
        assertThat(admin.listTopics().names().get()).containsExactly("b");
        assertThatThrownBy(() -> admin.describeTopics(List.of("a")).allTopicNames().get())
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        assertThatThrownBy(() -> admin.deleteTopics(List.of("a")).all().get())
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void shouldDescribeAndIncrementallyAlterTopicConfigs() throws Exception {
        admin.createTopics(List.of(new NewTopic("c", 1, (short) 1).configs(Map.of("retention.ms", "1000")))).all().get();
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "c");
        Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
        assertThat(config.get("retention.ms").value()).isEqualTo("1000");
        assertThat(config.get("retention.ms").source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(config.get("segment.bytes").isDefault()).isTrue();
        admin.incrementalAlterConfigs(Map.of(topic, List.of(
                new AlterConfigOp(new ConfigEntry("retention.ms", null), AlterConfigOp.OpType.DELETE),
                new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.APPEND),
                new AlterConfigOp(new ConfigEntry("max.message.bytes", "2048"), AlterConfigOp.OpType.SET)))).all().get();
        Config after = admin.describeConfigs(List.of(topic)).values().get(topic).get();
        assertThat(after.get("retention.ms").isDefault()).isTrue();
        assertThat(after.get("cleanup.policy").value()).isEqualTo("delete,compact");
        assertThat(after.get("max.message.bytes").value()).isEqualTo("2048");
        assertThat(log.logManager().log(new TopicPartition("c", 0)).config().maxMessageSize()).isEqualTo(2048);
        assertThatThrownBy(() -> admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry("segment.bytes", "tiny"), AlterConfigOp.OpType.SET)))).all().get())
                .hasCauseInstanceOf(InvalidConfigurationException.class);
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
        Config brokerConfig = admin.describeConfigs(List.of(broker)).all().get().get(broker);
        assertThat(brokerConfig.get("num.partitions").value()).isEqualTo("2");
        assertThat(brokerConfig.get("num.partitions").source()).isEqualTo(ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG);
        assertThat(brokerConfig.get("num.partitions").isReadOnly()).isTrue();
        assertThatThrownBy(() -> admin.incrementalAlterConfigs(Map.of(broker, List.of(new AlterConfigOp(
                new ConfigEntry("num.partitions", "3"), AlterConfigOp.OpType.SET)))).all().get())
                .hasCauseInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldListOffsetsAndDeleteRecords() throws Exception {
        produce("t", 0, 5);
        TopicPartition tp = new TopicPartition("t", 0);
        assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp).get().offset()).isZero();
        assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset()).isEqualTo(5);
        ListOffsetsResult.ListOffsetsResultInfo byTime = admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(2500)))
                .all().get().get(tp);
        assertThat(byTime.offset()).isEqualTo(2);
        assertThat(byTime.timestamp()).isEqualTo(3000);
        assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.maxTimestamp())).partitionResult(tp).get().timestamp())
                .isEqualTo(5000);
        assertThat(admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(3))).lowWatermarks().get(tp).get()
                .lowWatermark()).isEqualTo(3);
        assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp).get().offset()).isEqualTo(3);
        TopicPartition missing = new TopicPartition("missing", 0);
        assertThatThrownBy(() -> admin.listOffsets(Map.of(missing, OffsetSpec.latest())).all().get())
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void shouldListDescribeAndManageConsumerGroups() throws Exception {
        produce("t", 0, 3);
        TopicPartition tp = new TopicPartition("t", 0);
        Map<String, Object> props = ClientTestKit.consumerProps(log, "billing");
        props.put("client.id", "billing-1");
        try (RunnelConsumer<String, String> c = new RunnelConsumer<>(props)) {
            c.subscribe(List.of("t"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (c.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(50));
            }
            c.commitSync(Map.of(tp, new OffsetAndMetadata(2)));
            assertThat(admin.listConsumerGroups().all().get()).singleElement().satisfies(g -> {
                assertThat(g.groupId()).isEqualTo("billing");
                assertThat(g.groupState()).contains(GroupState.STABLE);
                assertThat(g.isSimpleConsumerGroup()).isFalse();
            });
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of("billing")).all().get().get("billing");
            assertThat(d.groupState()).isEqualTo(GroupState.STABLE);
            assertThat(d.partitionAssignor()).isEqualTo("range");
            assertThat(d.coordinator().id()).isZero();
            assertThat(d.members()).singleElement().satisfies(m -> {
                assertThat(m.clientId()).isEqualTo("billing-1");
                assertThat(m.host()).isEqualTo("/in-process");
                assertThat(m.assignment().topicPartitions()).contains(tp);
            });
            assertThat(admin.listConsumerGroupOffsets("billing").partitionsToOffsetAndMetadata().get())
                    .containsEntry(tp, new OffsetAndMetadata(2));
            assertThatThrownBy(() -> admin.alterConsumerGroupOffsets("billing", Map.of(tp, new OffsetAndMetadata(0)))
                    .all().get()).hasCauseInstanceOf(GroupNotEmptyException.class);
            assertThatThrownBy(() -> admin.deleteConsumerGroups(List.of("billing")).all().get())
                    .hasCauseInstanceOf(GroupNotEmptyException.class);
        }
        admin.alterConsumerGroupOffsets("billing", Map.of(tp, new OffsetAndMetadata(0))).partitionResult(tp).get();
        assertThat(admin.listConsumerGroupOffsets("billing").partitionsToOffsetAndMetadata().get().get(tp).offset())
                .isZero();
        admin.deleteConsumerGroups(List.of("billing")).all().get();
        assertThatThrownBy(() -> admin.describeConsumerGroups(List.of("billing")).all().get())
                .hasCauseInstanceOf(GroupIdNotFoundException.class);
        assertThat(admin.listConsumerGroups().all().get()).isEmpty();
    }

    @Test
    void shouldDescribeTheCluster() throws Exception {
        DescribeClusterResult r = admin.describeCluster();
        assertThat(r.nodes().get()).singleElement().satisfies(n -> assertThat(n.host()).startsWith("file://"));
        assertThat(r.controller().get().id()).isZero();
        assertThat(r.clusterId().get()).isEqualTo(log.clusterId());
    }
}
