package io.runnel.connect.runtime.storage;

import io.runnel.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The standalone worker's offset store: every change rewrites one file ({@code offset.storage.file.filename})
 * atomically, so a crash leaves either the old or the new offsets, never a torn file.
 *
 * <h2>File layout</h2>
 * Big-endian:
 * <pre>
 * offset file := magic   8 bytes, ASCII "RNOFFSET"
 *                version int32 = 1
 *                count   int32, number of entries
 *                entry * count
 *                crc     int32, CRC-32C of every byte before it
 * entry       := keyLength int32, key bytes   (JSON ["connector", {source partition}])
 *                valueLength int32, value bytes (JSON {source offset})
 * </pre>
 * Kafka's file store serializes a Java {@code HashMap} instead; this layout needs no Java serialization and
 * detects damage. The key and value bytes are exactly what Kafka's offsets topic holds, so moving to a
 * topic-backed store later is a copy.
 *
 * <h2>Durability</h2>
 * A write goes to {@code <file>.tmp}, is forced to disk, then renamed over the file (atomically where the file
 * system allows), and the directory is forced (best effort). On start a leftover {@code .tmp} is deleted: it is
 * an unfinished write whose offsets were never acknowledged to anyone. A file whose magic, version or CRC is
 * wrong stops the worker with a message naming the file: silently starting from empty offsets would make
 * sources re-read everything.
 *
 * <p>Thread-safe.
 */
public class FileOffsetBackingStore extends MemoryOffsetBackingStore {

    private static final Logger log = LoggerFactory.getLogger(FileOffsetBackingStore.class);
    private static final byte[] MAGIC = "RNOFFSET".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private final Path file;
    private final Path tmp;

    /** @param file the offsets file ({@code offset.storage.file.filename}) */
    public FileOffsetBackingStore(Path file) {
        this.file = file.toAbsolutePath();
        this.tmp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    /** @return the offsets file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void start() {
        try {
            Files.deleteIfExists(tmp);
            byte[] bytes = Files.readAllBytes(file);
            data.clear();
            data.putAll(decode(bytes));
            log.info("Loaded {} source offsets from {}", data.size(), file);
        } catch (NoSuchFileException e) {
            log.info("No offsets file at {} yet; starting with no source offsets", file);
        } catch (IOException e) {
            throw new ConnectException("Could not read the offsets file " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<ByteBuffer, ByteBuffer> decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        try {
            if (bytes.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
                throw corrupt("it is not a Runnel offsets file (bad magic)");
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            if ((int) crc.getValue() != buf.getInt(bytes.length - 4)) {
                throw corrupt("its checksum does not match (the file is damaged)");
            }
            buf.position(MAGIC.length);
            int version = buf.getInt();
            if (version != VERSION) {
                throw corrupt("it has version " + version + ", this Runnel reads version " + VERSION);
            }
            int count = buf.getInt();
            Map<ByteBuffer, ByteBuffer> result = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                byte[] key = new byte[buf.getInt()];
                buf.get(key);
                byte[] value = new byte[buf.getInt()];
                buf.get(value);
                result.put(ByteBuffer.wrap(key), ByteBuffer.wrap(value));
            }
            if (buf.position() != bytes.length - 4) {
                throw corrupt("its entries do not fill it");
            }
            return result;
        } catch (RuntimeException e) {
            if (e instanceof ConnectException ce) {
                throw ce;
            }
            throw corrupt("its entries are malformed (" + e + ")");
        }
    }

    private ConnectException corrupt(String why) {
        return new ConnectException("Cannot load source offsets from " + file + ": " + why + ". Move the file away "
                + "to start without offsets (source connectors will then read their sources from the beginning).");
    }

    @Override
    protected void save() {
        int size = MAGIC.length + 12;
        for (Map.Entry<ByteBuffer, ByteBuffer> e : data.entrySet()) {
            size += 8 + e.getKey().remaining() + e.getValue().remaining();
        }
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putInt(data.size());
        for (Map.Entry<ByteBuffer, ByteBuffer> e : data.entrySet()) {
            buf.putInt(e.getKey().remaining()).put(e.getKey().duplicate());
            buf.putInt(e.getValue().remaining()).put(e.getValue().duplicate());
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        buf.flip();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new ConnectException("Could not write the offsets file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the rename is still atomic there.
            log.debug("Could not force directory {}: {}", dir, e.toString());
        }
    }
}
