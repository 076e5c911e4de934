package io.runnel.connect.runtime.storage;

import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileOffsetBackingStoreTest {

    @TempDir
    Path dir;

    private FileOffsetBackingStore started(Path file) {
        FileOffsetBackingStore store = new FileOffsetBackingStore(file);
        store.start();
        return store;
    }

    private static void write(OffsetStorageWriter writer) throws Exception {
        assertThat(writer.beginFlush()).isTrue();
        writer.doFlush().get();
    }

    @Test
    void shouldRoundTripOffsetsThroughTheReaderAndWriter() throws Exception {
        FileOffsetBackingStore store = started(dir.resolve("offsets"));
        OffsetStorageWriter writer = new OffsetStorageWriter(store, "conn");
        writer.offset(Map.of("filename", "/a.txt"), Map.of("position", 42, "ratio", 0.5, "tag", "x"));
        writer.offset(Map.of("filename", "/b.txt"), Map.of("position", 7L));
        write(writer);

        OffsetStorageReaderImpl reader = new OffsetStorageReaderImpl(store, "conn");
        assertThat(reader.offset(Map.of("filename", "/a.txt")))
                .isEqualTo(Map.of("position", 42L, "ratio", 0.5, "tag", "x"));
        assertThat(reader.offsets(List.of(Map.of("filename", "/b.txt"), Map.of("filename", "/none"))))
                .isEqualTo(Map.of(Map.of("filename", "/b.txt"), Map.of("position", 7L)));
        assertThat(new OffsetStorageReaderImpl(store, "other").offset(Map.of("filename", "/a.txt")))
                .as("offsets are per connector").isNull();
    }

    @Test
    void shouldFindAPartitionWhateverTheIterationOrderOfItsMap() throws Exception {
        FileOffsetBackingStore store = started(dir.resolve("offsets"));
        OffsetStorageWriter writer = new OffsetStorageWriter(store, "conn");
        Map<String, Object> partition = new java.util.LinkedHashMap<>();
        partition.put("b", 2);
        partition.put("a", 1);
        writer.offset(partition, Map.of("pos", 1));
        write(writer);

        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        reversed.put("a", 1L);
        reversed.put("b", 2L);
        assertThat(new OffsetStorageReaderImpl(store, "conn").offset(reversed)).isEqualTo(Map.of("pos", 1L));
    }

    @Test
    void shouldSurviveARestart() throws Exception {
        Path file = dir.resolve("sub").resolve("connect.offsets");
        FileOffsetBackingStore store = started(file);
        OffsetStorageWriter writer = new OffsetStorageWriter(store, "conn");
        writer.offset(Map.of("f", "x"), Map.of("pos", 100L));
        write(writer);
        writer.offset(Map.of("f", "x"), Map.of("pos", 200L));
        writer.offset(Map.of("f", "y"), Map.of("pos", 1L));
        write(writer);
        writer.offset(Map.of("f", "y"), null);
        write(writer);
        store.stop();

        FileOffsetBackingStore restarted = started(file);
        OffsetStorageReaderImpl reader = new OffsetStorageReaderImpl(restarted, "conn");
        assertThat(reader.offset(Map.of("f", "x"))).isEqualTo(Map.of("pos", 200L));
        assertThat(reader.offset(Map.of("f", "y"))).as("a null offset deletes").isNull();
    }

    @Test
    void shouldFlushOnlyTheOffsetsHandedToTheWriter() throws Exception {
        FileOffsetBackingStore store = started(dir.resolve("offsets"));
        OffsetStorageWriter writer = new OffsetStorageWriter(store, "conn");

        assertThat(writer.beginFlush()).as("nothing handed yet").isFalse();
        writer.offset(Map.of("f", "x"), Map.of("pos", 1L));
        assertThat(writer.beginFlush()).isTrue();
        writer.offset(Map.of("f", "x"), Map.of("pos", 2L));
        writer.doFlush().get();

        OffsetStorageReaderImpl reader = new OffsetStorageReaderImpl(store, "conn");
        assertThat(reader.offset(Map.of("f", "x"))).as("the offset handed after beginFlush waits for the next flush")
                .isEqualTo(Map.of("pos", 1L));
        assertThat(writer.hasPendingOffsets()).isTrue();
        write(writer);
        assertThat(reader.offset(Map.of("f", "x"))).isEqualTo(Map.of("pos", 2L));
    }

    @Test
    void shouldKeepOffsetsOfAFailedFlushForTheNextOneUnderNewerOnes() throws Exception {
        FailingStore store = new FailingStore();
        OffsetStorageWriter writer = new OffsetStorageWriter(store, "conn");
        writer.offset(Map.of("f", "x"), Map.of("pos", 1L));
        writer.offset(Map.of("f", "y"), Map.of("pos", 5L));
        assertThat(writer.beginFlush()).isTrue();
        writer.offset(Map.of("f", "x"), Map.of("pos", 2L));
        store.fail = true;

        assertThatThrownBy(() -> writer.doFlush().get()).isInstanceOf(ExecutionException.class);

        store.fail = false;
        write(writer);
        OffsetStorageReaderImpl reader = new OffsetStorageReaderImpl(store, "conn");
        assertThat(reader.offset(Map.of("f", "x"))).isEqualTo(Map.of("pos", 2L));
        assertThat(reader.offset(Map.of("f", "y"))).isEqualTo(Map.of("pos", 5L));
    }

    @Test
    void shouldRestorePendingOffsetsWhenAFlushIsCancelled() throws Exception {
        MemoryOffsetBackingStore store = new MemoryOffsetBackingStore();
        OffsetStorageWriter writer = new OffsetStorageWriter(store, "conn");
        writer.offset(Map.of("f", "x"), Map.of("pos", 1L));
        assertThat(writer.beginFlush()).isTrue();
        assertThatThrownBy(writer::beginFlush).isInstanceOf(ConnectException.class)
                .hasMessageContaining("already flushing");

        writer.cancelFlush();

        write(writer);
        assertThat(new OffsetStorageReaderImpl(store, "conn").offset(Map.of("f", "x"))).isEqualTo(Map.of("pos", 1L));
    }

    @Test
    void shouldRejectOffsetsThatCannotBeStored() {
        OffsetStorageWriter writer = new OffsetStorageWriter(new MemoryOffsetBackingStore(), "conn");

        assertThatThrownBy(() -> writer.offset(Map.of("f", "x"), Map.of("pos", List.of(1))))
                .isInstanceOf(DataException.class).hasMessageContaining("field pos contains ARRAY");
        assertThatThrownBy(() -> writer.offset(null, Map.of("pos", 1))).isInstanceOf(DataException.class);
    }

    @Test
    void shouldIgnoreALeftoverTemporaryFileAndRefuseADamagedOne() throws Exception {
        Path file = dir.resolve("offsets");
        FileOffsetBackingStore store = started(file);
        OffsetStorageWriter writer = new OffsetStorageWriter(store, "conn");
        writer.offset(Map.of("f", "x"), Map.of("pos", 1L));
        write(writer);
        Files.write(dir.resolve("offsets.tmp"), new byte[] {1, 2, 3});

        FileOffsetBackingStore restarted = started(file);
        assertThat(new OffsetStorageReaderImpl(restarted, "conn").offset(Map.of("f", "x"))).isEqualTo(Map.of("pos", 1L));
        assertThat(dir.resolve("offsets.tmp")).doesNotExist();

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        assertThatThrownBy(() -> started(file)).isInstanceOf(ConnectException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("checksum");
        Files.writeString(file, "java serialized stuff");
        assertThatThrownBy(() -> started(file)).isInstanceOf(ConnectException.class).hasMessageContaining("magic");
    }

    /** A store whose writes fail on demand. */
    private static final class FailingStore extends MemoryOffsetBackingStore {
        volatile boolean fail;

        @Override
        public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
            if (fail) {
                return CompletableFuture.failedFuture(new ConnectException("disk full"));
            }
            return super.set(new HashMap<>(values));
        }
    }
}
