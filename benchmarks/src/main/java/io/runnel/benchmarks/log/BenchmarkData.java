package io.runnel.benchmarks.log;

import io.runnel.common.record.CompressionType;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.MemoryRecordsBuilder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/** Shared fixtures: ~16 KiB batches of values of a given size, temporary directories. */
final class BenchmarkData {

    static final int BATCH_BYTES = 16 * 1024;

    private BenchmarkData() {
    }

    /**
     * A batch of {@code valueSize}-byte values (words from a small vocabulary, so codecs have something to compress,
     * as JSON-ish payloads do) filling about 16 KiB uncompressed (at least one record).
     */
    static MemoryRecords batch(CompressionType codec, int valueSize, long seed) {
        Random random = new Random(seed);
        String[] words = {"order", "id", "customer", "amount", "EUR", "USD", "status", "shipped", "created",
            "2024-05-01", "true", "false", "null", "item", "qty"};
        MemoryRecordsBuilder b = MemoryRecords.builder().compression(codec).writeLimit(BATCH_BYTES);
        long ts = System.currentTimeMillis();
        while (true) {
            byte[] value = new byte[valueSize];
            StringBuilder sb = new StringBuilder();
            while (sb.length() < valueSize) {
                sb.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
            }
            System.arraycopy(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, value, 0, valueSize);
            if (!b.hasRoomFor(ts, null, value, null)) {
                break;
            }
            b.append(ts, null, value, null);
        }
        return b.build();
    }

    static File tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix).toFile();
    }

    static void deleteRecursively(File dir) throws IOException {
        if (!dir.exists()) {
            return;
        }
        try (Stream<java.nio.file.Path> paths = Files.walk(dir.toPath())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
