package io.runnel.clients;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in serializer set on a producer, by class name, and its deserializer on a consumer. */
@Timeout(60)
class SerdesThroughClientsTest {

    @TempDir
    Path dir;

    private <T> T roundTrip(EmbeddedLog log, String topic, Serde<T> serde, T value) {
        Map<String, Object> pp = ClientTestKit.producerProps(log);
        pp.put("key.serializer", serde.serializer().getClass().getName());
        pp.put("value.serializer", serde.serializer().getClass());
        Map<String, Object> cp = ClientTestKit.consumerProps(log, null);
        cp.put("key.deserializer", serde.deserializer().getClass().getName());
        cp.put("value.deserializer", serde.deserializer().getClass());
        try (RunnelProducer<T, T> p = new RunnelProducer<>(pp)) {
            p.send(new ProducerRecord<>(topic, 0, value, value));
            p.flush();
        }
        try (RunnelConsumer<T, T> c = new RunnelConsumer<>(cp)) {
            c.assign(List.of(new TopicPartition(topic, 0)));
            List<ConsumerRecord<T, T>> got = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (got.isEmpty() && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(50)).forEach(got::add);
            }
            assertThat(got).hasSize(1);
            assertThat(got.get(0).key()).isEqualTo(got.get(0).value());
            return got.get(0).value();
        }
    }

    @Test
    void shouldCarryEveryBuiltInTypeThroughTheLog() {
        try (EmbeddedLog log = EmbeddedLog.open(dir)) {
            assertThat(roundTrip(log, "string", Serdes.String(), "héllo")).isEqualTo("héllo");
            assertThat(roundTrip(log, "short", Serdes.Short(), (short) -7)).isEqualTo((short) -7);
            assertThat(roundTrip(log, "int", Serdes.Integer(), 123_456)).isEqualTo(123_456);
            assertThat(roundTrip(log, "long", Serdes.Long(), Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
            assertThat(roundTrip(log, "float", Serdes.Float(), 1.5f)).isEqualTo(1.5f);
            assertThat(roundTrip(log, "double", Serdes.Double(), -2.25)).isEqualTo(-2.25);
            assertThat(roundTrip(log, "bytes", Serdes.ByteArray(), new byte[]{1, 2})).containsExactly(1, 2);
            assertThat(roundTrip(log, "buffer", Serdes.ByteBuffer(), ByteBuffer.wrap(new byte[]{3})))
                    .isEqualTo(ByteBuffer.wrap(new byte[]{3}));
            assertThat(roundTrip(log, "wrapped", Serdes.Bytes(), Bytes.wrap(new byte[]{4}))).isEqualTo(Bytes.wrap(new byte[]{4}));
            UUID id = UUID.randomUUID();
            assertThat(roundTrip(log, "uuid", Serdes.UUID(), id)).isEqualTo(id);
            assertThat(roundTrip(log, "void", Serdes.Void(), null)).isNull();
        }
    }
}
