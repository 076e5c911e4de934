package io.runnel.common.record;

import io.runnel.common.header.Header;
import io.runnel.common.header.internals.RecordHeader;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache Kafka's own record classes (kafka-clients, test scope) are the oracle: batches Runnel writes are read
 * by Kafka's MemoryRecords, and batches Kafka writes are read by Runnel's, for every codec.
 */
class RecordBatchKafkaCompatibilityTest {

    private static final long PRODUCER_ID = 4242L;
    private static final short EPOCH = 7;
    private static final int BASE_SEQ = 100;

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    private static Compression kafkaCompression(CompressionType type) {
        return Compression.of(type.name).build();
    }

    /** Records with every shape: keys and values null or not, headers with null values, unicode, big values. */
    private static List<SimpleRecord> sampleRecords() {
        List<SimpleRecord> records = new ArrayList<>();
        long ts = 1_700_000_000_000L;
        records.add(new SimpleRecord(ts, utf8("k1"), utf8("v1")));
        records.add(new SimpleRecord(ts - 5, null, utf8("no key")));
        records.add(new SimpleRecord(ts + 10, utf8("tombstone"), null));
        records.add(new SimpleRecord(ts + 11, null, null));
        records.add(new SimpleRecord(ts + 12, utf8("h"), utf8("with headers"), new Header[]{
            new RecordHeader("trace", utf8("abc")), new RecordHeader("null-value", null),
            new RecordHeader("ünïcødé", utf8("✓")), new RecordHeader("trace", utf8("again"))}));
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 7);
        }
        records.add(new SimpleRecord(ts + 1000, utf8("big"), big));
        return records;
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldWriteBatchesThatKafkaReads(CompressionType codec) {
        List<SimpleRecord> input = sampleRecords();
        io.runnel.common.record.MemoryRecordsBuilder builder = MemoryRecords.builder().compression(codec)
                .baseOffset(1000L).producer(PRODUCER_ID, EPOCH, BASE_SEQ).partitionLeaderEpoch(3);
        for (SimpleRecord r : input) {
            builder.append(r.timestamp(), r.key(), r.value(), r.headers());
        }
        MemoryRecords ours = builder.build();

        org.apache.kafka.common.record.internal.MemoryRecords theirs =
                org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(ours.buffer());
        List<org.apache.kafka.common.record.internal.MutableRecordBatch> batches = new ArrayList<>();
        theirs.batches().forEach(batches::add);
        assertThat(batches).hasSize(1);
        org.apache.kafka.common.record.internal.RecordBatch batch = batches.get(0);
        batch.ensureValid();
        assertThat(batch.magic()).isEqualTo((byte) 2);
        assertThat(batch.compressionType().name).isEqualTo(codec.name);
        assertThat(batch.baseOffset()).isEqualTo(1000L);
        assertThat(batch.lastOffset()).isEqualTo(1000L + input.size() - 1);
        assertThat(batch.producerId()).isEqualTo(PRODUCER_ID);
        assertThat(batch.producerEpoch()).isEqualTo(EPOCH);
        assertThat(batch.baseSequence()).isEqualTo(BASE_SEQ);
        assertThat(batch.lastSequence()).isEqualTo(BASE_SEQ + input.size() - 1);
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(3);
        assertThat(batch.maxTimestamp()).isEqualTo(input.stream().mapToLong(SimpleRecord::timestamp).max().orElseThrow());
        assertThat(batch.timestampType()).isEqualTo(org.apache.kafka.common.record.TimestampType.CREATE_TIME);
        assertThat(batch.countOrNull()).isEqualTo(input.size());

        int i = 0;
        for (org.apache.kafka.common.record.internal.Record r : batch) {
            SimpleRecord expected = input.get(i);
            assertThat(r.offset()).isEqualTo(1000L + i);
            assertThat(r.timestamp()).isEqualTo(expected.timestamp());
            assertThat(bytes(r.key())).isEqualTo(expected.key());
            assertThat(bytes(r.value())).isEqualTo(expected.value());
            assertThat(r.headers()).hasSize(expected.headers().length);
            for (int h = 0; h < expected.headers().length; h++) {
                assertThat(r.headers()[h].key()).isEqualTo(expected.headers()[h].key());
                assertThat(r.headers()[h].value()).isEqualTo(expected.headers()[h].value());
            }
            i++;
        }
        assertThat(i).isEqualTo(input.size());
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldReadBatchesThatKafkaWrites(CompressionType codec) {
        List<SimpleRecord> input = sampleRecords();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        MemoryRecordsBuilder builder = org.apache.kafka.common.record.internal.MemoryRecords.builder(buffer,
                (byte) 2, kafkaCompression(codec), org.apache.kafka.common.record.TimestampType.CREATE_TIME, 500L,
                System.currentTimeMillis(), PRODUCER_ID, EPOCH, BASE_SEQ, false, 9);
        for (SimpleRecord r : input) {
            org.apache.kafka.common.header.Header[] hs = new org.apache.kafka.common.header.Header[r.headers().length];
            for (int h = 0; h < hs.length; h++) {
                hs[h] = new org.apache.kafka.common.header.internals.RecordHeader(r.headers()[h].key(), r.headers()[h].value());
            }
            builder.append(r.timestamp(), r.key(), r.value(), hs);
        }
        ByteBuffer kafkaBytes = builder.build().buffer();

        MemoryRecords ours = MemoryRecords.readableRecords(kafkaBytes);
        List<DefaultRecordBatch> batches = new ArrayList<>();
        ours.batches().forEach(batches::add);
        assertThat(batches).hasSize(1);
        DefaultRecordBatch batch = batches.get(0);
        batch.ensureValid();
        assertThat(batch.compressionType()).isEqualTo(codec);
        assertThat(batch.baseOffset()).isEqualTo(500L);
        assertThat(batch.lastOffset()).isEqualTo(500L + input.size() - 1);
        assertThat(batch.producerId()).isEqualTo(PRODUCER_ID);
        assertThat(batch.producerEpoch()).isEqualTo(EPOCH);
        assertThat(batch.baseSequence()).isEqualTo(BASE_SEQ);
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(9);
        assertThat(batch.sizeInBytes()).isEqualTo(kafkaBytes.remaining());
        Iterator<Record> it = batch.iterator();
        for (int i = 0; i < input.size(); i++) {
            Record r = it.next();
            SimpleRecord expected = input.get(i);
            assertThat(r.offset()).isEqualTo(500L + i);
            assertThat(r.sequence()).isEqualTo(BASE_SEQ + i);
            assertThat(r.timestamp()).isEqualTo(expected.timestamp());
            assertThat(bytes(r.key())).isEqualTo(expected.key());
            assertThat(bytes(r.value())).isEqualTo(expected.value());
            assertThat(r.headers()).containsExactly(expected.headers());
        }
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void shouldProduceTheSameBytesAsKafkaForUncompressedBatches() {
        List<SimpleRecord> input = sampleRecords();
        io.runnel.common.record.MemoryRecordsBuilder ours = MemoryRecords.builder().baseOffset(77L)
                .producer(PRODUCER_ID, EPOCH, BASE_SEQ);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        MemoryRecordsBuilder theirs = org.apache.kafka.common.record.internal.MemoryRecords.builder(buffer,
                (byte) 2, Compression.NONE, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 77L,
                -1L, PRODUCER_ID, EPOCH, BASE_SEQ, false, -1);
        for (SimpleRecord r : input) {
            ours.append(r.timestamp(), r.key(), r.value(), r.headers());
            org.apache.kafka.common.header.Header[] hs = new org.apache.kafka.common.header.Header[r.headers().length];
            for (int h = 0; h < hs.length; h++) {
                hs[h] = new org.apache.kafka.common.header.internals.RecordHeader(r.headers()[h].key(), r.headers()[h].value());
            }
            theirs.append(r.timestamp(), r.key(), r.value(), hs);
        }
        assertThat(bytes(ours.build().buffer())).isEqualTo(bytes(theirs.build().buffer()));
    }

    @Test
    void shouldReadKafkaControlBatches() {
        ByteBuffer marker = org.apache.kafka.common.record.internal.MemoryRecords.withEndTransactionMarker(
                42L, 1234L, 5, PRODUCER_ID, EPOCH,
                new EndTransactionMarker(ControlRecordType.COMMIT, 17)).buffer();
        DefaultRecordBatch batch = MemoryRecords.readableRecords(marker).firstBatch();
        batch.ensureValid();
        assertThat(batch.isControlBatch()).isTrue();
        assertThat(batch.isTransactional()).isTrue();
        assertThat(batch.baseOffset()).isEqualTo(42L);
        Record record = batch.iterator().next();
        assertThat(io.runnel.common.record.ControlRecordType.parse(record.key()))
                .isEqualTo(io.runnel.common.record.ControlRecordType.COMMIT);
    }

    @Test
    void shouldWriteControlBatchesThatKafkaRecognises() {
        MemoryRecords ours = MemoryRecords.builder().producer(PRODUCER_ID, EPOCH, -1).transactional(true).control(true)
                .append(1L, io.runnel.common.record.ControlRecordType.ABORT.recordKey(), new byte[]{0, 0, 0, 0, 0, 1}, null)
                .build();
        org.apache.kafka.common.record.internal.RecordBatch batch =
                org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(ours.buffer()).batches().iterator().next();
        batch.ensureValid();
        assertThat(batch.isControlBatch()).isTrue();
        assertThat(ControlRecordType.parse(batch.iterator().next().key())).isEqualTo(ControlRecordType.ABORT);
    }

    @Test
    void shouldKeepLogAppendTimeReadableByKafka() {
        MemoryRecords ours = MemoryRecords.withRecords(CompressionType.NONE, SimpleRecord.of(5L, "a", "b"),
                SimpleRecord.of(6L, "c", "d"));
        DefaultRecordBatch batch = ours.firstBatch();
        batch.setMaxTimestamp(TimestampType.LOG_APPEND_TIME, 99L);
        batch.setBaseOffset(10L);
        org.apache.kafka.common.record.internal.RecordBatch theirs =
                org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(ours.buffer()).batches().iterator().next();
        theirs.ensureValid();
        assertThat(theirs.timestampType()).isEqualTo(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME);
        assertThat(theirs.baseOffset()).isEqualTo(10L);
        for (org.apache.kafka.common.record.internal.Record r : theirs) {
            assertThat(r.timestamp()).isEqualTo(99L);
        }
    }
}
