package io.runnel.coordinator.group;

import io.runnel.common.TopicPartition;
import io.runnel.common.errors.CorruptRecordException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoordinatorRecordsTest {

    @Test
    void shouldWriteOffsetCommitKeysInKafkasLayout() {
        ByteBuffer b = ByteBuffer.wrap(CoordinatorRecords.offsetKey("g", new TopicPartition("t", 3)));
        assertThat(b.getShort()).isEqualTo((short) 1);
        assertThat(b.getShort()).isEqualTo((short) 1);
        assertThat((char) b.get()).isEqualTo('g');
        assertThat(b.getShort()).isEqualTo((short) 1);
        assertThat((char) b.get()).isEqualTo('t');
        assertThat(b.getInt()).isEqualTo(3);
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void shouldRoundTripKeysAndValues() {
        CoordinatorRecords.Key k = CoordinatorRecords.readKey(ByteBuffer.wrap(
                CoordinatorRecords.offsetKey("grp", new TopicPartition("orders", 7))));
        assertThat(k.group()).isEqualTo("grp");
        assertThat(k.partition()).isEqualTo(new TopicPartition("orders", 7));
        assertThat(CoordinatorRecords.readKey(ByteBuffer.wrap(CoordinatorRecords.groupKey("grp"))).isOffsetKey()).isFalse();

        CoordinatorRecords.OffsetValue v = new CoordinatorRecords.OffsetValue(42, 3, "meta", 1000);
        assertThat(CoordinatorRecords.readOffsetValue(ByteBuffer.wrap(CoordinatorRecords.offsetValue(v)))).isEqualTo(v);

        CoordinatorRecords.GroupValue g = new CoordinatorRecords.GroupValue("consumer", 5, "range", "m-1", 77,
                List.of(new CoordinatorRecords.MemberValue("m-1", "i-1", "client", "/h", 300, 45, new byte[]{1},
                        new byte[]{2, 3})));
        CoordinatorRecords.GroupValue back = CoordinatorRecords.readGroupValue(ByteBuffer.wrap(
                CoordinatorRecords.groupValue(g)));
        assertThat(back.generation()).isEqualTo(5);
        assertThat(back.protocol()).isEqualTo("range");
        assertThat(back.members()).singleElement().satisfies(m -> {
            assertThat(m.groupInstanceId()).isEqualTo("i-1");
            assertThat(m.assignment()).containsExactly(2, 3);
        });
    }

    @Test
    void shouldReadVersionOneOffsetValuesWithAnExpireTimestamp() {
        byte[] meta = "x".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + 8 + 2 + meta.length + 8 + 8);
        b.putShort((short) 1).putLong(9).putShort((short) meta.length).put(meta).putLong(123).putLong(456).flip();
        CoordinatorRecords.OffsetValue v = CoordinatorRecords.readOffsetValue(b);
        assertThat(v.offset()).isEqualTo(9);
        assertThat(v.leaderEpoch()).isEqualTo(-1);
        assertThat(v.commitTimestamp()).isEqualTo(123);
    }

    @Test
    void shouldRefuseFlexibleVersionsItCannotRead() {
        ByteBuffer b = ByteBuffer.allocate(4).putShort((short) 4).putShort((short) 0).flip();
        assertThatThrownBy(() -> CoordinatorRecords.readOffsetValue(b)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("version 4");
    }
}
