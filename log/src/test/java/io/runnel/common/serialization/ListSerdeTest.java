package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListSerdeTest {

    @Test
    void shouldRoundTripVariableSizeListsWithNulls() {
        Serde<List<String>> serde = new Serdes.ListSerde<>(Serdes.String());
        List<String> list = Arrays.asList("a", null, "", "héllo");
        byte[] bytes = serde.serializer().serialize("t", list);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(list);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", List.of()))).isEmpty();
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void shouldUseTheConstantSizeLayoutForFixedSizeElements() {
        Serde<List<Integer>> serde = new Serdes.ListSerde<>(Serdes.Integer());
        List<Integer> list = Arrays.asList(1, null, 3);
        byte[] bytes = serde.serializer().serialize("t", list);
        byte[] expected = ByteBuffer.allocate(1 + 4 + 4 + 4 + 8).put((byte) 0).putInt(1).putInt(1).putInt(3)
                .putInt(1).putInt(3).array();
        assertThat(bytes).isEqualTo(expected);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(list);
        Serde<List<UUID>> uuids = new Serdes.ListSerde<>(Serdes.UUID());
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        assertThat(uuids.deserializer().deserialize("t", uuids.serializer().serialize("t", ids))).isEqualTo(ids);
    }

    @Test
    @SuppressWarnings("unchecked") // list classes are raw Class objects, as with Kafka's ListSerde
    void shouldMatchKafkasListSerdeBytesBothWays() {
        org.apache.kafka.common.serialization.Serde<List<String>> kafkaStrings =
                org.apache.kafka.common.serialization.Serdes.ListSerde(ArrayList.class,
                        org.apache.kafka.common.serialization.Serdes.String());
        org.apache.kafka.common.serialization.Serde<List<Long>> kafkaLongs =
                org.apache.kafka.common.serialization.Serdes.ListSerde(ArrayList.class,
                        org.apache.kafka.common.serialization.Serdes.Long());
        List<String> strings = Arrays.asList("x", null, "yz");
        List<Long> longs = Arrays.asList(5L, null, -7L, null);
        Serde<List<String>> ours = Serdes.ListSerde(ArrayList.class, Serdes.String());
        Serde<List<Long>> ourLongs = Serdes.ListSerde(ArrayList.class, Serdes.Long());
        assertThat(ours.serializer().serialize("t", strings))
                .isEqualTo(kafkaStrings.serializer().serialize("t", strings));
        assertThat(ourLongs.serializer().serialize("t", longs))
                .isEqualTo(kafkaLongs.serializer().serialize("t", longs));
        assertThat(ourLongs.deserializer().deserialize("t", kafkaLongs.serializer().serialize("t", longs)))
                .isEqualTo(longs);
        assertThat(kafkaStrings.deserializer().deserialize("t", ours.serializer().serialize("t", strings)))
                .isEqualTo(strings);
    }

    @Test
    @SuppressWarnings("unchecked") // list classes are raw Class objects, as with Kafka's ListSerde
    void shouldCreateTheRequestedListClass() {
        Serde<List<String>> serde = Serdes.ListSerde(LinkedList.class, Serdes.String());
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", List.of("a"))))
                .isInstanceOf(LinkedList.class).containsExactly("a");
        assertThatThrownBy(() -> Serdes.ListSerde(ImmutableListWithoutDefaultConstructor.class, Serdes.String()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-argument constructor");
    }

    /** A list class ListSerde cannot create. */
    static final class ImmutableListWithoutDefaultConstructor extends ArrayList<String> {
        ImmutableListWithoutDefaultConstructor(int ignored) {
        }
    }

    @Test
    void shouldRejectMalformedBytesWithSpecificMessages() {
        Deserializer<List<String>> strings = new ListDeserializer<>(new StringDeserializer());
        assertThatThrownBy(() -> strings.deserialize("t", new byte[] {7, 0, 0, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("strategy 7");
        assertThatThrownBy(() -> strings.deserialize("t", new byte[] {1, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> strings.deserialize("t", ByteBuffer.allocate(5).put((byte) 1).putInt(-2).array()))
                .hasMessageContaining("negative number of entries");
        assertThatThrownBy(() -> strings.deserialize("t",
                ByteBuffer.allocate(9).put((byte) 1).putInt(1).putInt(10).array()))
                .hasMessageContaining("needs 10 bytes");
        assertThatThrownBy(() -> strings.deserialize("t",
                ByteBuffer.allocate(6).put((byte) 1).putInt(0).put((byte) 9).array()))
                .hasMessageContaining("unexpected bytes");
        assertThatThrownBy(() -> strings.deserialize("t",
                ByteBuffer.allocate(9).put((byte) 0).putInt(0).putInt(0).array()))
                .hasMessageContaining("CONSTANT_SIZE");
        Serializer<List<String>> nullProducing = new ListSerializer<>((topic, data) -> null);
        assertThatThrownBy(() -> nullProducing.serialize("t", List.of("a")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("element 0");
    }
}
