package io.runnel.log.internals;

import io.runnel.common.TopicPartition;
import io.runnel.common.errors.RunnelStorageException;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint file at the root of {@code log.dir} ({@code recovery-point-offset-checkpoint},
 * {@code log-start-offset-checkpoint}, {@code cleaner-offset-checkpoint}) in Kafka's text format:
 *
 * <pre>
 * 0                       version
 * 2                       number of entries
 * orders 0 1234           topic, partition, offset (space-separated)
 * orders 1 987
 * </pre>
 *
 * <p>Written atomically (temp file, fsync, rename), so a crash leaves the old or the new checkpoint. A file
 * that does not parse is reported with its path and line. Thread-safe (writes are synchronized).
 */
public final class OffsetCheckpointFile {

    private final File file;

    /** @param file the checkpoint file */
    public OffsetCheckpointFile(File file) {
        this.file = file;
    }

    /**
     * @param offsets the offsets to write
     * @throws RunnelStorageException on I/O failure
     */
    public synchronized void write(Map<TopicPartition, Long> offsets) {
        StringBuilder sb = new StringBuilder("0\n").append(offsets.size()).append('\n');
        offsets.forEach((tp, offset) -> sb.append(tp.topic()).append(' ').append(tp.partition()).append(' ')
                .append(offset).append('\n'));
        File tmp = new File(file.getPath() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp.toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
            Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the offsets (empty if the file does not exist)
     * @throws RunnelStorageException if the file cannot be read or parsed
     */
    public synchronized Map<TopicPartition, Long> read() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (!file.exists()) {
            return offsets;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not read checkpoint " + file + ": " + e.getMessage(), e);
        }
        try {
            if (lines.size() < 2 || !lines.get(0).trim().equals("0")) {
                throw new IllegalArgumentException("expected version 0 and an entry count");
            }
            int count = Integer.parseInt(lines.get(1).trim());
            if (lines.size() < 2 + count) {
                throw new IllegalArgumentException("expected " + count + " entries, found " + (lines.size() - 2));
            }
            for (int i = 0; i < count; i++) {
                String[] parts = lines.get(2 + i).trim().split(" ");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("line " + (i + 3) + " is not 'topic partition offset'");
                }
                offsets.put(new TopicPartition(parts[0], Integer.parseInt(parts[1])), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            throw new RunnelStorageException("Malformed checkpoint file " + file + ": " + e.getMessage()
                    + "; delete it to make the log recover every partition from its start", e);
        }
        return offsets;
    }
}
