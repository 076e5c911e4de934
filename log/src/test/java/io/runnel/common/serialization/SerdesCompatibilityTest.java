package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runnel's serdes write exactly the bytes Apache Kafka's do (kafka-clients is the oracle, test scope only). */
class SerdesCompatibilityTest {

    @Property
    void longBytesMatchKafka(@ForAll long v) {
        byte[] ours = Serdes.Long().serializer().serialize("t", v);
        assertThat(ours).isEqualTo(new org.apache.kafka.common.serialization.LongSerializer().serialize("t", v));
        assertThat(Serdes.Long().deserializer().deserialize("t", ours)).isEqualTo(v);
    }

    @Property
    void intShortDoubleFloatBytesMatchKafka(@ForAll int i, @ForAll short s, @ForAll double d, @ForAll float f) {
        assertThat(Serdes.Integer().serializer().serialize("t", i))
                .isEqualTo(new org.apache.kafka.common.serialization.IntegerSerializer().serialize("t", i));
        assertThat(Serdes.Short().serializer().serialize("t", s))
                .isEqualTo(new org.apache.kafka.common.serialization.ShortSerializer().serialize("t", s));
        assertThat(Serdes.Double().serializer().serialize("t", d))
                .isEqualTo(new org.apache.kafka.common.serialization.DoubleSerializer().serialize("t", d));
        assertThat(Serdes.Float().serializer().serialize("t", f))
                .isEqualTo(new org.apache.kafka.common.serialization.FloatSerializer().serialize("t", f));
    }

    @Property
    void stringBytesMatchKafka(@ForAll String v) {
        assertThat(Serdes.String().serializer().serialize("t", v))
                .isEqualTo(new org.apache.kafka.common.serialization.StringSerializer().serialize("t", v));
    }

    @Test
    void uuidUsesTextFormLikeKafka() {
        UUID id = UUID.randomUUID();
        assertThat(Serdes.UUID().serializer().serialize("t", id))
                .isEqualTo(new org.apache.kafka.common.serialization.UUIDSerializer().serialize("t", id));
    }

    @Test
    void wrongSizeFailsWithClearMessage() {
        assertThatThrownBy(() -> Serdes.Long().deserializer().deserialize("orders", new byte[3]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not 8 but 3")
                .hasMessageContaining("orders");
        assertThatThrownBy(() -> Serdes.Void().deserializer().deserialize("t", new byte[1]))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> Serdes.serdeFrom(Thread.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Thread");
    }

    @Test
    void nullStaysNull() {
        assertThat(Serdes.String().serializer().serialize("t", null)).isNull();
        assertThat(Serdes.Integer().deserializer().deserialize("t", null)).isNull();
    }
}
