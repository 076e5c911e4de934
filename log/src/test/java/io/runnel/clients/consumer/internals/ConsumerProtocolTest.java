package io.runnel.clients.consumer.internals;

import io.runnel.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerProtocolTest {

    @Test
    void shouldWriteSubscriptionsKafkaReads() {
        Subscription s = new Subscription(List.of("a", "b"), ByteBuffer.wrap("ud".getBytes(StandardCharsets.UTF_8)),
                List.of(new TopicPartition("a", 0), new TopicPartition("b", 3)), 7);
        org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription k =
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.deserializeSubscription(
                        ConsumerProtocol.serializeSubscription(s));
        assertThat(k.topics()).containsExactly("a", "b");
        assertThat(StandardCharsets.UTF_8.decode(k.userData()).toString()).isEqualTo("ud");
        assertThat(k.ownedPartitions()).containsExactlyInAnyOrder(new org.apache.kafka.common.TopicPartition("a", 0),
                new org.apache.kafka.common.TopicPartition("b", 3));
        assertThat(k.generationId()).contains(7);
    }

    @Test
    void shouldReadSubscriptionsKafkaWrites() {
        org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription k =
                new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription(List.of("x", "y"), null,
                        List.of(new org.apache.kafka.common.TopicPartition("x", 1)), 4, java.util.Optional.of("rack-1"));
        Subscription s = ConsumerProtocol.deserializeSubscription(
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeSubscription(k));
        assertThat(s.topics()).containsExactly("x", "y");
        assertThat(s.userData()).isNull();
        assertThat(s.ownedPartitions()).containsExactly(new TopicPartition("x", 1));
        assertThat(s.generationId()).contains(4);
    }

    @Test
    void shouldRoundTripAssignmentsWithKafka() {
        Assignment a = new Assignment(List.of(new TopicPartition("t", 2), new TopicPartition("t", 5),
                new TopicPartition("u", 0)), ByteBuffer.wrap(new byte[]{1, 2, 3}));
        org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment k =
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.deserializeAssignment(
                        ConsumerProtocol.serializeAssignment(a));
        assertThat(k.partitions()).hasSize(3);
        assertThat(k.userData().remaining()).isEqualTo(3);
        Assignment back = ConsumerProtocol.deserializeAssignment(
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeAssignment(k));
        assertThat(back.partitions()).containsExactlyInAnyOrderElementsOf(a.partitions());
        assertThat(back.userData().remaining()).isEqualTo(3);
    }

    @Test
    void shouldReadEmptyAssignmentBytesAsNoPartitions() {
        assertThat(ConsumerProtocol.deserializeAssignment(ByteBuffer.allocate(0)).partitions()).isEmpty();
    }

    @Test
    void shouldRejectTruncatedSubscriptionBytes() {
        ByteBuffer full = ConsumerProtocol.serializeSubscription(new Subscription(List.of("topic")));
        ByteBuffer cut = ByteBuffer.wrap(ConsumerProtocol.toArray(full), 0, full.remaining() - 8).slice();
        assertThatThrownBy(() -> ConsumerProtocol.deserializeSubscription(cut))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Malformed consumer subscription");
    }
}
