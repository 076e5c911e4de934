package io.runnel.common.record;

import io.runnel.common.header.Header;
import io.runnel.common.header.internals.RecordHeader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Property tests: any records survive a round trip through our builder and Kafka's reader, and back. */
class RecordBatchRoundTripProperties {

    @Provide
    Arbitrary<List<SimpleRecord>> records() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).injectNull(0.2);
        Arbitrary<Header[]> headers = Combinators.combine(Arbitraries.strings().ofMaxLength(10), bytes)
                .as((k, v) -> (Header) new RecordHeader(k, v)).array(Header[].class).ofMaxSize(3);
        Arbitrary<Long> timestamps = Arbitraries.longs().between(0, 4_000_000_000_000L);
        return Combinators.combine(timestamps, bytes, bytes, headers).as(SimpleRecord::new).list().ofMinSize(1).ofMaxSize(40);
    }

    private static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Property(tries = 150)
    void shouldRoundTripThroughKafkaAndBack(@ForAll("records") List<SimpleRecord> input, @ForAll CompressionType codec,
                                            @ForAll boolean logAppendTime) {
        MemoryRecordsBuilder builder = MemoryRecords.builder().compression(codec).baseOffset(17L)
                .timestampType(logAppendTime ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME, 123L);
        input.forEach(r -> builder.append(r.timestamp(), r.key(), r.value(), r.headers()));
        MemoryRecords ours = builder.build();

        org.apache.kafka.common.record.internal.RecordBatch kafka =
                org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(ours.buffer()).batches().iterator().next();
        kafka.ensureValid();
        int i = 0;
        for (org.apache.kafka.common.record.internal.Record r : kafka) {
            SimpleRecord expected = input.get(i++);
            assertThat(r.offset()).isEqualTo(17L + i - 1);
            assertThat(r.timestamp()).isEqualTo(logAppendTime ? 123L : expected.timestamp());
            assertThat(bytes(r.key())).isEqualTo(expected.key());
            assertThat(bytes(r.value())).isEqualTo(expected.value());
            assertThat(r.headers()).hasSize(expected.headers().length);
        }
        assertThat(i).isEqualTo(input.size());

        DefaultRecordBatch back = MemoryRecords.readableRecords(ours.buffer()).firstBatch();
        back.ensureValid();
        Iterator<Record> it = back.iterator();
        for (SimpleRecord expected : input) {
            Record r = it.next();
            assertThat(bytes(r.key())).isEqualTo(expected.key());
            assertThat(bytes(r.value())).isEqualTo(expected.value());
            assertThat(r.headers()).containsExactly(expected.headers());
        }
        assertThat(it.hasNext()).isFalse();
    }
}
