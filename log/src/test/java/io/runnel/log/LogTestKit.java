package io.runnel.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.Uuid;
import io.runnel.common.record.CompressionType;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.MemoryRecordsBuilder;
import io.runnel.common.record.Record;
import io.runnel.common.record.Records;
import io.runnel.common.utils.MockTime;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the log tests. */
final class LogTestKit {

    static final TopicPartition TP = new TopicPartition("orders", 0);

    private LogTestKit() {
    }

    static MemoryRecords batch(long timestamp, String... keyValues) {
        return batch(CompressionType.NONE, timestamp, keyValues);
    }

    static MemoryRecords batch(CompressionType codec, long timestamp, String... keyValues) {
        MemoryRecordsBuilder b = MemoryRecords.builder().compression(codec);
        for (int i = 0; i < keyValues.length; i += 2) {
            b.append(timestamp, utf8(keyValues[i]), utf8(keyValues[i + 1]), null);
        }
        return b.build();
    }

    static MemoryRecords idempotentBatch(long pid, short epoch, int seq, int count) {
        MemoryRecordsBuilder b = MemoryRecords.builder().producer(pid, epoch, seq);
        for (int i = 0; i < count; i++) {
            b.append(1000L, utf8("k" + (seq + i)), utf8("v" + (seq + i)), null);
        }
        return b.build();
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String str(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    /** offset -> "key=value" of every record. */
    static Map<Long, String> contents(Records records) {
        Map<Long, String> m = new HashMap<>();
        for (Record r : records.records()) {
            m.put(r.offset(), str(r.key()) + "=" + str(r.value()));
        }
        return m;
    }

    static List<Long> offsets(Records records) {
        List<Long> l = new ArrayList<>();
        for (Record r : records.records()) {
            l.add(r.offset());
        }
        return l;
    }

    /** Reads the whole log from its start. */
    static List<Record> readAll(PartitionLog log) {
        List<Record> out = new ArrayList<>();
        long offset = log.logStartOffset();
        while (offset < log.logEndOffset()) {
            FetchDataInfo info = log.read(offset, 1 << 20, true);
            long next = offset;
            for (Record r : info.records().records()) {
                if (r.offset() >= offset) {
                    out.add(r);
                }
                next = Math.max(next, r.offset() + 1);
            }
            for (var b : info.records().batches()) {
                next = Math.max(next, b.nextOffset());
            }
            if (next == offset) {
                break;
            }
            offset = next;
        }
        return out;
    }

    static PartitionLog open(File dir, LogConfig config, MockTime time, MockScheduler scheduler, boolean clean) {
        return PartitionLog.open(dir, TP, Uuid.randomUuid(), config, 0L, 0L, clean, time, scheduler);
    }
}
