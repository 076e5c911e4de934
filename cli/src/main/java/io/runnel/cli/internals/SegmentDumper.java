package io.runnel.cli.internals;

import io.runnel.common.header.Header;
import io.runnel.common.record.ControlRecordType;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.Record;
import io.runnel.common.record.RecordBatch;
import io.runnel.common.RunnelException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/*
 * Reads segment files (.log, .index, .timeindex) strictly read-only: files are opened with READ only and mapped
 * READ_ONLY, nothing is created, truncated or locked, so a log that a running process holds can be inspected (the
 * view is the file as it was when mapped; a batch being written at that moment shows as trailing bytes). The
 * output follows Kafka's DumpLogSegments line by line, so that people and scripts used to it can read it.
 *
 * Index files are pre-allocated while their segment is active, so their tail is zeros: an entry with relative
 * offset 0 after the first one (or an all-zero first entry) ends the index, as in Kafka's tool.
 */

/** Prints the contents of segment files in the format of Kafka's {@code DumpLogSegments}. Not thread-safe. */
final class SegmentDumper {

    /** What to print. */
    record Options(boolean printDataLog, boolean deepIteration, boolean verifyIndexOnly, boolean indexSanityCheck,
                   boolean skipRecordMetadata) {
    }

    private final Options options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<String> findings = new ArrayList<>();
    private int failures;

    SegmentDumper(Options options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** @return how many files could not be read or failed the sanity check */
    int failures() {
        return failures;
    }

    /**
     * Dumps one file according to its suffix; unknown suffixes are skipped with a note on standard error.
     *
     * @param file the file
     */
    void dump(Path file) {
        out.println("Dumping " + file);
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".log")) {
                dumpLog(file);
            } else if (name.endsWith(".index")) {
                dumpOffsetIndex(file);
            } else if (name.endsWith(".timeindex")) {
                dumpTimeIndex(file);
            } else {
                err.println("Ignoring unknown file " + file + " (dump-log reads .log, .index and .timeindex files)");
            }
        } catch (UncheckedIOException e) {
            failures++;
            err.println("Error: could not read " + file + ": " + e.getCause().getMessage());
        }
    }

    /** Prints what the checks found (index entries that do not match the log, offsets out of order) to stderr. */
    void printFindings() {
        findings.forEach(err::println);
        err.flush();
    }

    // ---- .log

    private void dumpLog(Path file) {
        OptionalLong base = baseOffset(file);
        if (base.isPresent()) {
            out.println("Log starting offset: " + base.getAsLong());
        }
        ByteBuffer bytes = map(file);
        boolean deep = options.deepIteration() || options.printDataLog();
        long validBytes = 0;
        long lastOffset = base.orElse(0) - 1;
        List<String> gaps = new ArrayList<>();
        try {
            for (DefaultRecordBatch batch : MemoryRecords.readableRecords(bytes).batches()) {
                printBatch(batch, validBytes);
                if (deep) {
                    for (Record record : batch) {
                        if (record.offset() != lastOffset + 1) {
                            gaps.add("  " + lastOffset + " is followed by " + record.offset());
                        }
                        lastOffset = record.offset();
                        printRecord(batch, record);
                    }
                }
                validBytes += batch.sizeInBytes();
            }
        } catch (RunnelException e) {
            out.println("Found a corrupt batch at position " + validBytes + ": " + CliErrorHandler.describe(e));
        }
        long trailing = bytes.limit() - validBytes;
        if (trailing > 0) {
            out.println("Found " + trailing + " invalid bytes at the end of " + file.getFileName());
        }
        if (!gaps.isEmpty()) {
            findings.add("Non-consecutive offsets in " + file.toAbsolutePath());
            findings.addAll(gaps);
        }
    }

    private void printBatch(DefaultRecordBatch batch, long position) {
        OptionalLong deleteHorizon = batch.hasDeleteHorizonMs() ? OptionalLong.of(batch.baseTimestamp()) : OptionalLong.empty();
        out.println("baseOffset: " + batch.baseOffset() + " lastOffset: " + batch.lastOffset()
                + " count: " + batch.countOrNull() + " baseSequence: " + batch.baseSequence()
                + " lastSequence: " + batch.lastSequence() + " producerId: " + batch.producerId()
                + " producerEpoch: " + batch.producerEpoch() + " partitionLeaderEpoch: " + batch.partitionLeaderEpoch()
                + " isTransactional: " + batch.isTransactional() + " isControl: " + batch.isControlBatch()
                + " deleteHorizonMs: " + deleteHorizon + " position: " + position
                + " " + batch.timestampType() + ": " + batch.maxTimestamp() + " size: " + batch.sizeInBytes()
                + " magic: " + batch.magic() + " compresscodec: " + batch.compressionType().name
                + " crc: " + batch.checksum() + " isvalid: " + batch.isValid());
    }

    private void printRecord(RecordBatch batch, Record record) {
        StringBuilder line = new StringBuilder();
        if (!options.skipRecordMetadata()) {
            line.append("| offset: ").append(record.offset()).append(' ').append(batch.timestampType()).append(": ")
                    .append(record.timestamp()).append(" keySize: ").append(record.keySize())
                    .append(" valueSize: ").append(record.valueSize()).append(" sequence: ").append(record.sequence())
                    .append(" headerKeys: ").append(Arrays.stream(record.headers()).map(Header::key)
                            .collect(Collectors.joining(",", "[", "]")));
            if (batch.isControlBatch()) {
                ControlRecordType type = record.hasKey() ? ControlRecordType.parse(record.key()) : ControlRecordType.UNKNOWN;
                line.append(" controlType: ").append(type).append('(').append(type.type).append(')');
            }
        }
        if (options.printDataLog() && !batch.isControlBatch()) {
            String prefix = options.skipRecordMetadata() ? "| " : " ";
            if (record.hasKey()) {
                line.append(prefix).append("key: ").append(utf8(record.key()));
                prefix = " ";
            }
            if (record.hasValue()) {
                line.append(prefix).append("payload: ").append(utf8(record.value()));
            }
        }
        out.println(line);
    }

    // ---- .index

    private void dumpOffsetIndex(Path file) {
        long base = requireBaseOffset(file);
        ByteBuffer index = map(file);
        Path logFile = sibling(file, ".log");
        FileChannel log = openIfExists(logFile);
        try {
            int entries = index.limit() / 8;
            if (entries == 0 || (index.getInt(0) == 0 && index.getInt(4) == 0)) {
                out.println(file + " is empty.");
                return;
            }
            long previousOffset = -1;
            int previousPosition = -1;
            String insane = null;
            Map<Long, Long> mismatches = new java.util.TreeMap<>(java.util.Collections.reverseOrder());
            for (int i = 0; i < entries; i++) {
                int relative = index.getInt(i * 8);
                int position = index.getInt(i * 8 + 4);
                if (relative == 0 && (i > 0 || position == 0)) {
                    break;
                }
                long offset = base + relative;
                if (insane == null && (offset <= previousOffset || position <= previousPosition)) {
                    insane = "entry " + i + " (offset " + offset + ", position " + position + ") does not follow the previous"
                            + " one (offset " + previousOffset + ", position " + previousPosition + ")";
                }
                previousOffset = offset;
                previousPosition = position;
                if (options.indexSanityCheck()) {
                    continue;
                }
                if (log != null) {
                    long logOffset = lastOffsetOfBatchAt(log, position);
                    if (logOffset != offset) {
                        mismatches.put(offset, logOffset);
                    }
                }
                if (!options.verifyIndexOnly()) {
                    out.println("offset: " + offset + " position: " + position);
                }
            }
            if (options.indexSanityCheck()) {
                if (insane == null && log != null && previousPosition >= size(log)) {
                    insane = "the last entry points to position " + previousPosition + ", past the end of " + logFile.getFileName();
                }
                reportSanity(file, insane);
                return;
            }
            if (log == null) {
                err.println("Not checking " + file.getFileName() + " against its segment: " + logFile + " does not exist");
            }
            if (!mismatches.isEmpty()) {
                findings.add("Mismatches in :" + file.toAbsolutePath());
                mismatches.forEach((indexOffset, logOffset) ->
                        findings.add("  Index offset: " + indexOffset + ", log offset: " + logOffset));
            }
        } finally {
            closeQuietly(log);
        }
    }

    // ---- .timeindex

    private void dumpTimeIndex(Path file) {
        long base = requireBaseOffset(file);
        ByteBuffer index = map(file);
        Path logFile = sibling(file, ".log");
        Map<Long, Long> maxTimestampByLastOffset = batchTimestamps(logFile);
        int entries = index.limit() / 12;
        long previousTimestamp = RecordBatch.NO_TIMESTAMP;
        long previousOffset = -1;
        String insane = null;
        List<String> mismatches = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < entries; i++) {
            long timestamp = index.getLong(i * 12);
            int relative = index.getInt(i * 12 + 8);
            if (relative == 0 && (i > 0 || timestamp == 0)) {
                break;
            }
            shown++;
            long offset = base + relative;
            if (insane == null && (offset < previousOffset || timestamp < previousTimestamp)) {
                insane = "entry " + i + " (timestamp " + timestamp + ", offset " + offset + ") goes back from the previous"
                        + " one (timestamp " + previousTimestamp + ", offset " + previousOffset + ")";
            }
            if (!options.indexSanityCheck() && maxTimestampByLastOffset != null) {
                Long batchTimestamp = maxTimestampByLastOffset.get(offset);
                if (batchTimestamp == null) {
                    notFound.add("Indexed offset: " + offset + ", found no batch ending at it");
                } else if (batchTimestamp != timestamp) {
                    mismatches.add("  Index timestamp: " + timestamp + ", log timestamp: " + batchTimestamp);
                }
                if (previousTimestamp >= timestamp) {
                    outOfOrder.add("  Index timestamp: " + timestamp + ", Previously indexed timestamp: " + previousTimestamp);
                }
            }
            previousTimestamp = timestamp;
            previousOffset = offset;
            if (!options.verifyIndexOnly() && !options.indexSanityCheck()) {
                out.println("timestamp: " + timestamp + " offset: " + offset);
            }
        }
        if (options.indexSanityCheck()) {
            reportSanity(file, insane);
            return;
        }
        if (shown == 0) {
            out.println(file + " is empty.");
        }
        if (maxTimestampByLastOffset == null) {
            err.println("Not checking " + file.getFileName() + " against its segment: " + logFile + " does not exist");
        }
        String path = file.toAbsolutePath().toString();
        if (!mismatches.isEmpty()) {
            findings.add("Found timestamp mismatch in :" + path);
            findings.addAll(mismatches);
        }
        if (!outOfOrder.isEmpty()) {
            findings.add("Found out of order timestamp in :" + path);
            findings.addAll(outOfOrder);
        }
        if (!notFound.isEmpty()) {
            findings.add("The following indexed offsets are not found in the log (" + path + "):");
            findings.addAll(notFound);
        }
    }

    /** @return last offset -> max timestamp of every whole batch of a segment (headers only), or null without the file */
    private Map<Long, Long> batchTimestamps(Path logFile) {
        FileChannel log = openIfExists(logFile);
        if (log == null) {
            return null;
        }
        try {
            Map<Long, Long> result = new HashMap<>();
            long size = size(log);
            ByteBuffer header = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
            long position = 0;
            while (position + DefaultRecordBatch.RECORD_BATCH_OVERHEAD <= size) {
                header.clear();
                readFully(log, header, position);
                int length = header.getInt(DefaultRecordBatch.LENGTH_OFFSET);
                if (length < DefaultRecordBatch.RECORD_BATCH_OVERHEAD - DefaultRecordBatch.LOG_OVERHEAD
                        || position + DefaultRecordBatch.LOG_OVERHEAD + length > size) {
                    break;
                }
                long lastOffset = header.getLong(DefaultRecordBatch.BASE_OFFSET_OFFSET)
                        + header.getInt(DefaultRecordBatch.LAST_OFFSET_DELTA_OFFSET);
                result.put(lastOffset, header.getLong(DefaultRecordBatch.MAX_TIMESTAMP_OFFSET));
                position += DefaultRecordBatch.LOG_OVERHEAD + length;
            }
            return result;
        } finally {
            closeQuietly(log);
        }
    }

    private void reportSanity(Path file, String problem) {
        if (problem == null) {
            out.println(file + " passed sanity check.");
        } else {
            failures++;
            out.println(file + " failed sanity check: " + problem);
        }
    }

    // ---- file helpers

    private static long lastOffsetOfBatchAt(FileChannel log, int position) {
        ByteBuffer header = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        if (position < 0 || (long) position + header.capacity() > size(log)) {
            return -1;
        }
        readFully(log, header, position);
        return header.getLong(DefaultRecordBatch.BASE_OFFSET_OFFSET) + header.getInt(DefaultRecordBatch.LAST_OFFSET_DELTA_OFFSET);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) {
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(FileChannel channel) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps a whole file read-only (an empty buffer for an empty file). */
    private static ByteBuffer map(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is " + size + " bytes, larger than a segment file can be (2 GiB)");
            }
            if (size == 0) {
                return ByteBuffer.allocate(0);
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return mapped;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileChannel openIfExists(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Read-only channel: closing cannot lose data.
            }
        }
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + suffix);
    }

    private static OptionalLong baseOffset(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        try {
            return OptionalLong.of(Long.parseLong(dot < 0 ? name : name.substring(0, dot)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private long requireBaseOffset(Path file) {
        OptionalLong base = baseOffset(file);
        if (base.isEmpty()) {
            throw new UncheckedIOException(new IOException("the name of an index file must be its segment's base offset "
                    + "(00000000000000000000.index)"));
        }
        return base.getAsLong();
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
