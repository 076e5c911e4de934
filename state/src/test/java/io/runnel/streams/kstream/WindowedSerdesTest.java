package io.runnel.streams.kstream;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.streams.kstream.internals.SessionWindow;
import io.runnel.streams.kstream.internals.TimeWindow;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowedSerdesTest {

    @Test
    void shouldWriteTimeWindowedKeysAsKeyThenStart() {
        Serde<Windowed<String>> serde = WindowedSerdes.timeWindowedSerdeFrom(String.class, 100);
        Windowed<String> key = new Windowed<>("k", new TimeWindow(1000, 1100));
        byte[] bytes = serde.serializer().serialize("t", key);
        assertThat(bytes).isEqualTo(ByteBuffer.allocate(9).put((byte) 'k').putLong(1000).array());
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(key);
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldWriteSessionWindowedKeysAsKeyThenEndThenStart() {
        Serde<Windowed<Long>> serde = new WindowedSerdes.SessionWindowedSerde<>(Serdes.Long());
        Windowed<Long> key = new Windowed<>(7L, new SessionWindow(10, 20));
        byte[] bytes = serde.serializer().serialize("t", key);
        assertThat(bytes).isEqualTo(ByteBuffer.allocate(24).putLong(7).putLong(20).putLong(10).array());
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(key);
        assertThat(key.toString()).isEqualTo("[7@10/20]");
    }

    @Test
    void shouldRejectTruncatedAndInconsistentBytes() {
        assertThatThrownBy(() -> WindowedSerdes.timeWindowedSerdeFrom(String.class, 10).deserializer()
                .deserialize("t", new byte[3])).isInstanceOf(SerializationException.class)
                .hasMessageContaining("8-byte window start");
        assertThatThrownBy(() -> WindowedSerdes.sessionWindowedSerdeFrom(String.class).deserializer()
                .deserialize("t", ByteBuffer.allocate(16).putLong(5).putLong(10).array()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("start 10 and end 5");
        assertThatThrownBy(() -> new TimeWindowedDeserializer<>(Serdes.String().deserializer(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldClampTimeWindowEndsAndCheckOverlaps() {
        assertThat(TimeWindow.forSize(Long.MAX_VALUE - 1, 10).end()).isEqualTo(Long.MAX_VALUE);
        assertThat(new TimeWindow(0, 10).overlap(new TimeWindow(9, 20))).isTrue();
        assertThat(new TimeWindow(0, 10).overlap(new TimeWindow(10, 20))).isFalse();
        assertThat(new SessionWindow(0, 10).overlap(new SessionWindow(10, 20))).isTrue();
        assertThatThrownBy(() -> new TimeWindow(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionWindow(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeWindow(0, 1).overlap(new SessionWindow(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
