package io.runnel.cli;

import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DumpLogCommandTest {

    private static final Pattern BATCH = Pattern.compile("baseOffset: (\\d+) lastOffset: (\\d+) count: (\\d+) "
            + "baseSequence: -?\\d+ lastSequence: -?\\d+ producerId: -?\\d+ producerEpoch: -?\\d+ partitionLeaderEpoch: -?\\d+ "
            + "isTransactional: false isControl: false deleteHorizonMs: OptionalLong.empty position: (\\d+) "
            + "CreateTime: (\\d+) size: (\\d+) magic: 2 compresscodec: (\\w+) crc: \\d+ isvalid: true");
    private static final Pattern RECORD = Pattern.compile("\\| offset: (\\d+) CreateTime: \\d+ keySize: (-?\\d+) "
            + "valueSize: (-?\\d+) sequence: -?\\d+ headerKeys: \\[(.*)](.*)");

    @TempDir
    Path dir;

    private Path segment(String topic, String suffix) {
        return dir.resolve(topic + "-0").resolve("00000000000000000000" + suffix);
    }

    /** Writes 30 one-record batches (--sync) with an index entry every 100 bytes. */
    private void writeSegment() {
        CliRun created = CliRun.on(dir, "topics", "--create", "--topic", "t", "--partitions", "1",
                "--config", "index.interval.bytes=100");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append("k").append(i).append(":value-").append(i).append('\n');
        }
        CliRun produced = CliRun.onWithInput(dir, lines.toString(), "console-producer", "--topic", "t", "--sync",
                "--property", "parse.key=true", "--property", "key.separator=:");
        assertThat(produced.exitCode()).as(produced.toString()).isZero();
    }

    private static List<Matcher> batches(List<String> lines) {
        List<Matcher> result = new ArrayList<>();
        for (String line : lines) {
            Matcher m = BATCH.matcher(line);
            if (m.matches()) {
                result.add(m);
            }
        }
        return result;
    }

    @Test
    void shouldDumpEveryBatchOfASegmentWithPositionsThatAddUpToTheFile() throws IOException {
        writeSegment();
        Path log = segment("t", ".log");
        CliRun dump = CliRun.run("dump-log", "--files", log.toString());
        assertThat(dump.exitCode()).as(dump.toString()).isZero();
        assertThat(dump.err()).isEmpty();
        assertThat(dump.lines().subList(0, 2)).containsExactly("Dumping " + log, "Log starting offset: 0");
        List<Matcher> batches = batches(dump.lines());
        assertThat(batches).hasSize(30);
        assertThat(dump.lines()).hasSize(32);
        long position = 0;
        for (int i = 0; i < batches.size(); i++) {
            Matcher b = batches.get(i);
            assertThat(Long.parseLong(b.group(1))).isEqualTo(i);
            assertThat(Long.parseLong(b.group(2))).isEqualTo(i);
            assertThat(b.group(3)).isEqualTo("1");
            assertThat(Long.parseLong(b.group(4))).isEqualTo(position);
            assertThat(b.group(7)).isEqualTo("none");
            position += Long.parseLong(b.group(6));
        }
        assertThat(position).isEqualTo(Files.size(log));
    }

    @Test
    void shouldPrintRecordsWithDeepIterationAndTheirDataWhenAsked() {
        writeSegment();
        Path log = segment("t", ".log");
        List<String> deep = CliRun.run("dump-log", "--files", log.toString(), "--deep-iteration").lines();
        List<String> records = deep.stream().filter(l -> l.startsWith("| ")).toList();
        assertThat(records).hasSize(30);
        Matcher first = RECORD.matcher(records.get(0));
        assertThat(first.matches()).as(records.get(0)).isTrue();
        assertThat(first.group(2)).isEqualTo("2");
        assertThat(first.group(3)).isEqualTo("7");
        assertThat(first.group(5)).isEmpty();

        List<String> data = CliRun.run("dump-log", "--files", log.toString(), "--print-data-log").lines().stream()
                .filter(l -> l.startsWith("| ")).toList();
        assertThat(data).hasSize(30);
        assertThat(data.get(29)).startsWith("| offset: 29 CreateTime: ").endsWith(" key: k29 payload: value-29");

        List<String> bare = CliRun.run("dump-log", "--files", log.toString(), "--print-data-log",
                "--skip-record-metadata").lines().stream().filter(l -> l.startsWith("| ")).toList();
        assertThat(bare.get(3)).isEqualTo("| key: k3 payload: value-3");
    }

    @Test
    void shouldDumpIndexEntriesThatPointAtTheBatchesTheyName() {
        writeSegment();
        Map<Long, Long> lastOffsetByPosition = new HashMap<>();
        Map<Long, Long> timestampByLastOffset = new HashMap<>();
        for (Matcher b : batches(CliRun.run("dump-log", "--files", segment("t", ".log").toString()).lines())) {
            lastOffsetByPosition.put(Long.parseLong(b.group(4)), Long.parseLong(b.group(2)));
            timestampByLastOffset.put(Long.parseLong(b.group(2)), Long.parseLong(b.group(5)));
        }

        CliRun index = CliRun.run("dump-log", "--files", segment("t", ".index").toString());
        assertThat(index.exitCode()).as(index.toString()).isZero();
        assertThat(index.err()).isEmpty();
        List<String> entries = index.lines().subList(1, index.lines().size());
        assertThat(entries).hasSizeGreaterThan(5);
        for (String entry : entries) {
            Matcher m = Pattern.compile("offset: (\\d+) position: (\\d+)").matcher(entry);
            assertThat(m.matches()).as(entry).isTrue();
            assertThat(lastOffsetByPosition.get(Long.parseLong(m.group(2)))).isEqualTo(Long.parseLong(m.group(1)));
        }

        CliRun timeIndex = CliRun.run("dump-log", "--files", segment("t", ".timeindex").toString());
        assertThat(timeIndex.exitCode()).isZero();
        assertThat(timeIndex.err()).isEmpty();
        List<String> timeEntries = timeIndex.lines().subList(1, timeIndex.lines().size());
        assertThat(timeEntries).isNotEmpty();
        for (String entry : timeEntries) {
            Matcher m = Pattern.compile("timestamp: (\\d+) offset: (\\d+)").matcher(entry);
            assertThat(m.matches()).as(entry).isTrue();
            assertThat(timestampByLastOffset.get(Long.parseLong(m.group(2)))).isEqualTo(Long.parseLong(m.group(1)));
        }

        CliRun verifyOnly = CliRun.run("dump-log", "--files", segment("t", ".index") + "," + segment("t", ".timeindex"),
                "--verify-index-only");
        assertThat(verifyOnly.lines()).containsExactly("Dumping " + segment("t", ".index"),
                "Dumping " + segment("t", ".timeindex"));
        assertThat(verifyOnly.err()).isEmpty();

        CliRun sanity = CliRun.run("dump-log", "--files", segment("t", ".index").toString(), "--index-sanity-check");
        assertThat(sanity.lines()).containsExactly("Dumping " + segment("t", ".index"),
                segment("t", ".index") + " passed sanity check.");
    }

    @Test
    void shouldReportIndexEntriesThatDoNotMatchTheSegmentAndBytesAfterTheLastBatch() throws IOException {
        writeSegment();
        Path copy = Files.createDirectories(dir.resolve("copy"));
        for (String suffix : List.of(".log", ".index")) {
            Files.copy(segment("t", suffix), copy.resolve("00000000000000000000" + suffix), StandardCopyOption.REPLACE_EXISTING);
        }
        Path index = copy.resolve("00000000000000000000.index");
        Path log = copy.resolve("00000000000000000000.log");
        int firstPosition;
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer entries = ByteBuffer.allocate(16);
            channel.read(entries, 0);
            firstPosition = entries.getInt(4);
            channel.write(ByteBuffer.allocate(4).putInt(0, entries.getInt(12)), 4);
        }
        CliRun mismatched = CliRun.run("dump-log", "--files", index.toString(), "--verify-index-only");
        assertThat(mismatched.exitCode()).isZero();
        assertThat(mismatched.errLines()).hasSize(2);
        assertThat(mismatched.errLines().get(0)).isEqualTo("Mismatches in :" + index.toAbsolutePath());
        assertThat(mismatched.errLines().get(1)).matches("  Index offset: \\d+, log offset: \\d+");
        assertThat(firstPosition).isPositive();

        CliRun insane = CliRun.run("dump-log", "--files", index.toString(), "--index-sanity-check");
        assertThat(insane.exitCode()).isEqualTo(1);
        assertThat(insane.lines().get(1)).startsWith(index + " failed sanity check: entry 1 ");

        Files.write(log, new byte[]{1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);
        CliRun torn = CliRun.run("dump-log", "--files", log.toString());
        assertThat(torn.exitCode()).isZero();
        assertThat(torn.lines()).endsWith("Found 7 invalid bytes at the end of 00000000000000000000.log");
        assertThat(batches(torn.lines())).hasSize(30);
    }

    @Test
    void shouldReadTheActiveSegmentOfALogThatIsOpenWithoutChangingItsFiles() throws Exception {
        try (EmbeddedLog log = EmbeddedLog.open(dir, Map.of("log.index.interval.bytes", 100));
             RunnelProducer<String, String> producer = new RunnelProducer<>(Map.of("bootstrap.servers",
                     log.bootstrapServers(), "linger.ms", 0), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>("live", "k" + i, "v" + i)).get();
            }
            List<Path> files = List.of(segment("live", ".log"), segment("live", ".index"), segment("live", ".timeindex"));
            Map<Path, Long> sizes = new HashMap<>();
            Map<Path, FileTime> times = new HashMap<>();
            for (Path f : files) {
                sizes.put(f, Files.size(f));
                times.put(f, Files.getLastModifiedTime(f));
            }
            assertThat(sizes.get(segment("live", ".index"))).as("pre-allocated active index").isGreaterThan(1000);

            CliRun dump = CliRun.run("dump-log", "--files", files.stream().map(Path::toString).collect(Collectors.joining(",")),
                    "--print-data-log");
            assertThat(dump.exitCode()).as(dump.toString()).isZero();
            assertThat(dump.err()).isEmpty();
            assertThat(batches(dump.lines())).hasSize(20);
            List<String> indexEntries = dump.lines().stream().filter(l -> l.startsWith("offset: ")).toList();
            assertThat(indexEntries).isNotEmpty().hasSizeLessThan(20);
            assertThat(dump.lines().stream().filter(l -> l.startsWith("timestamp: "))).isNotEmpty();
            for (Path f : files) {
                assertThat(Files.size(f)).isEqualTo(sizes.get(f));
                assertThat(Files.getLastModifiedTime(f)).isEqualTo(times.get(f));
            }
        }
    }

    @Test
    void shouldShowTheCodecAndDecompressRecordsOfCompressedBatches() {
        CliRun.on(dir, "topics", "--create", "--topic", "z", "--partitions", "1");
        CliRun.onWithInput(dir, "one\ntwo\nthree\n", "console-producer", "--topic", "z", "--compression-codec", "gzip");
        CliRun dump = CliRun.run("dump-log", "--files", segment("z", ".log").toString(), "--print-data-log");
        List<Matcher> batches = batches(dump.lines());
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).group(7)).isEqualTo("gzip");
        assertThat(batches.get(0).group(3)).isEqualTo("3");
        assertThat(dump.lines().stream().filter(l -> l.startsWith("| ")).map(l -> l.substring(l.indexOf("payload: ") + 9)))
                .containsExactly("one", "two", "three");
    }

    @Test
    void shouldRejectMissingFilesAndSkipUnknownOnes() throws IOException {
        CliRun missing = CliRun.run("dump-log", "--files", dir.resolve("nope.log").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Error: File " + dir.resolve("nope.log") + " does not exist or is not a regular file\n");
        assertThat(missing.out()).isEmpty();

        Path other = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRun unknown = CliRun.run("dump-log", "--files", other.toString());
        assertThat(unknown.exitCode()).isZero();
        assertThat(unknown.err()).isEqualTo("Ignoring unknown file " + other + " (dump-log reads .log, .index and "
                + ".timeindex files)\n");

        CliRun noFiles = CliRun.run("dump-log");
        assertThat(noFiles.exitCode()).isEqualTo(2);
        assertThat(noFiles.err()).isEqualTo("Error: Missing required option: '--files=<file>' (see 'runnel dump-log --help')\n");
    }
}
