package io.runnel.connect.file;

import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigException;
import io.runnel.common.utils.MockTime;
import io.runnel.connect.data.Schema;
import io.runnel.connect.runtime.storage.MemoryOffsetBackingStore;
import io.runnel.connect.runtime.storage.OffsetStorageReaderImpl;
import io.runnel.connect.runtime.storage.OffsetStorageWriter;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTaskContext;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTaskContext;
import io.runnel.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The FileStream connectors through their SPI, with test contexts standing in for the worker. */
class FileStreamConnectorsTest {

    @TempDir
    Path dir;

    private final MemoryOffsetBackingStore offsets = new MemoryOffsetBackingStore();
    private final MockTime time = new MockTime(0, 5_000L, 0L);

    private FileStreamSourceTask startSource(Path file, int batchSize) {
        FileStreamSourceTask task = new FileStreamSourceTask(time, 0);
        OffsetStorageReader reader = new OffsetStorageReaderImpl(offsets, "file-source");
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }
        });
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        connector.start(Map.of("file", file.toString(), "topic", "lines", "batch.size", String.valueOf(batchSize)));
        task.start(connector.taskConfigs(4).get(0));
        return task;
    }

    /** What the worker does once records are acknowledged: hand their offsets to the writer and flush. */
    private void commit(List<SourceRecord> records) throws Exception {
        OffsetStorageWriter writer = new OffsetStorageWriter(offsets, "file-source");
        for (SourceRecord r : records) {
            writer.offset(r.sourcePartition(), r.sourceOffset());
        }
        if (writer.beginFlush()) {
            writer.doFlush().get();
        }
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<Object> values(List<SourceRecord> records) {
        return records == null ? List.of() : records.stream().map(SourceRecord::value).toList();
    }

    @Test
    void shouldEmitOneRecordPerLineWithTheBytePositionAsOffset() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "héllo\nworld\r\n");
        FileStreamSourceTask task = startSource(file, 100);

        List<SourceRecord> records = task.poll();

        assertThat(values(records)).containsExactly("héllo", "world");
        SourceRecord first = records.get(0);
        assertThat(first.topic()).isEqualTo("lines");
        assertThat(first.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(first.key()).isNull();
        assertThat(first.timestamp()).isEqualTo(5_000L);
        assertThat(first.sourcePartition()).isEqualTo(Map.of("filename", file.toString()));
        assertThat(first.sourceOffset()).as("'héllo' is 6 bytes plus the newline").isEqualTo(Map.of("position", 7L));
        assertThat(records.get(1).sourceOffset()).isEqualTo(Map.of("position", 14L));
        task.stop();
    }

    @Test
    void shouldNotEmitAPartialLastLineUntilItsNewlineArrives() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "one\ntw");
        FileStreamSourceTask task = startSource(file, 100);

        assertThat(values(task.poll())).containsExactly("one");
        assertThat(task.poll()).isNull();
        append(file, "o");
        assertThat(task.poll()).isNull();
        append(file, "\nthree\n");
        List<SourceRecord> records = task.poll();

        assertThat(values(records)).containsExactly("two", "three");
        assertThat(records.get(0).sourceOffset()).isEqualTo(Map.of("position", 8L));
        task.stop();
    }

    @Test
    void shouldResumeFromTheStoredByteOffsetAfterARestart() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "a\nbb\nccc\n");
        FileStreamSourceTask task = startSource(file, 2);
        List<SourceRecord> firstBatch = task.poll();
        assertThat(values(firstBatch)).containsExactly("a", "bb");
        commit(firstBatch.subList(0, 1));
        task.stop();

        FileStreamSourceTask restarted = startSource(file, 100);

        assertThat(values(restarted.poll())).as("only 'a' was acknowledged; 'bb' is read again")
                .containsExactly("bb", "ccc");
        restarted.stop();
    }

    @Test
    void shouldWaitForAMissingFileAndReadItOnceItAppears() throws Exception {
        Path file = dir.resolve("later.txt");
        FileStreamSourceTask task = startSource(file, 100);

        assertThat(task.poll()).isNull();
        append(file, "finally\n");
        assertThat(values(task.poll())).containsExactly("finally");
        task.stop();
    }

    @Test
    void shouldReadATruncatedFileFromTheStart() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "first line\nsecond line\n");
        FileStreamSourceTask task = startSource(file, 100);
        assertThat(task.poll()).hasSize(2);

        Files.writeString(file, "new\n");

        assertThat(values(task.poll())).containsExactly("new");
        task.stop();
    }

    @Test
    void shouldRequireATopicAndAPositiveBatchSize() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();

        assertThatThrownBy(() -> connector.start(Map.of("batch.size", "0")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(2));
        assertThat(connector.validate(Map.of("file", "x")).configValues())
                .filteredOn(v -> v.name().equals("topic")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
    }

    @Test
    void shouldAppendOneLinePerRecordValueInTheSink() throws Exception {
        Path out = dir.resolve("out.txt");
        append(out, "existing\n");
        FileStreamSinkConnector connector = new FileStreamSinkConnector();
        connector.start(Map.of("file", out.toString(), "topics", "lines"));
        List<Map<String, String>> configs = connector.taskConfigs(2);
        assertThat(configs).hasSize(2).allSatisfy(c -> assertThat(c).containsEntry("file", out.toString()));
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.initialize(new NoopSinkTaskContext());
        task.start(configs.get(0));

        task.put(List.of(new SinkRecord("lines", 0, null, null, Schema.STRING_SCHEMA, "a", 0),
                new SinkRecord("lines", 0, null, null, Schema.INT32_SCHEMA, 42, 1),
                new SinkRecord("lines", 0, null, null, null, null, 2)));
        var committable = task.preCommit(Map.of(new TopicPartition("lines", 0),
                new io.runnel.clients.consumer.OffsetAndMetadata(3)));

        assertThat(Files.readAllLines(out)).containsExactly("existing", "a", "42", "null");
        assertThat(committable).containsKey(new TopicPartition("lines", 0));
        task.stop();
    }

    @Test
    void shouldFailClearlyWhenTheSinkFileCannotBeCreated() {
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.initialize(new NoopSinkTaskContext());

        assertThatThrownBy(() -> task.start(Map.of("file", dir.resolve("no/such/dir/out.txt").toString())))
                .isInstanceOf(io.runnel.connect.errors.ConnectException.class)
                .hasMessageContaining("Couldn't find or create file");
    }

    /** A sink context for tasks that do not use it. */
    private static final class NoopSinkTaskContext implements SinkTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of();
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }
    }
}
