package io.runnel.streams.state.internals;

import io.runnel.common.TopicPartition;
import io.runnel.streams.errors.ProcessorStateException;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checkpoint file of changelog offsets, in Kafka's text format ({@code OffsetCheckpoint}, the {@code .checkpoint}
 * file of a Kafka Streams task directory), so tools and people read it alike:
 * <pre>
 * 0                          &lt;- version
 * 2                          &lt;- number of entries
 * app-counts-changelog 3 1041    &lt;- topic, partition, offset (space separated)
 * app-sessions-changelog 3 77
 * </pre>
 * The offset is that of the last changelog record the store reflects; restoration resumes at offset + 1.
 *
 * <p>Crash safety: {@link #write} writes {@code <file>.tmp}, fsyncs it and renames it over the file atomically, so a
 * crash leaves either the old or the new checkpoint, never a torn one. A missing file means "no checkpoint": restore
 * from the beginning of the changelog. Topic names cannot contain spaces, so the format is unambiguous.
 */
public final class OffsetCheckpoint {

    /** The only version written and read. */
    public static final int VERSION = 0;

    private final File file;

    /** @param file the checkpoint file */
    public OffsetCheckpoint(File file) {
        this.file = file;
    }

    /** @return the file */
    public File file() {
        return file;
    }

    /**
     * Replaces the file's content atomically.
     *
     * @param offsets offsets per changelog partition; each at least 0
     * @throws IllegalArgumentException  if an offset is negative
     * @throws ProcessorStateException   if the file cannot be written
     */
    public void write(Map<TopicPartition, Long> offsets) {
        Map<String, Long> sorted = new TreeMap<>();
        for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("Invalid changelog offset " + e.getValue() + " for "
                        + e.getKey() + " in checkpoint " + file + ": offsets are at least 0");
            }
            sorted.put(e.getKey().topic() + " " + e.getKey().partition(), e.getValue());
        }
        File tmp = new File(file.getAbsolutePath() + ".tmp");
        try {
            Files.createDirectories(file.getAbsoluteFile().getParentFile().toPath());
            try (FileOutputStream out = new FileOutputStream(tmp);
                 BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                writer.write(Integer.toString(VERSION));
                writer.newLine();
                writer.write(Integer.toString(sorted.size()));
                writer.newLine();
                for (Map.Entry<String, Long> e : sorted.entrySet()) {
                    writer.write(e.getKey() + " " + e.getValue());
                    writer.newLine();
                }
                writer.flush();
                out.getFD().sync();
            }
            try {
                Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProcessorStateException("Failed to write checkpoint file " + file.getAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @return the offsets in the file, or an empty map if there is no file
     * @throws ProcessorStateException if the file is unreadable, of an unknown version or malformed (the message
     *                                 names the line); delete it to restore from the start of the changelogs
     */
    public Map<TopicPartition, Long> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new ProcessorStateException("Failed to read checkpoint file " + file.getAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        if (lines.size() < 2) {
            throw malformed("it has " + lines.size() + " lines, expected a version and a count");
        }
        int version = parseInt(lines.get(0), 1);
        if (version != VERSION) {
            throw malformed("unknown version " + version + " (expected " + VERSION + ")");
        }
        int count = parseInt(lines.get(1), 2);
        if (count < 0 || lines.size() - 2 < count) {
            throw malformed("it announces " + count + " entries but has " + (lines.size() - 2));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String[] parts = lines.get(2 + i).trim().split(" ");
            if (parts.length != 3) {
                throw malformed("line " + (3 + i) + " is '" + lines.get(2 + i) + "', expected 'topic partition offset'");
            }
            int partition = parseInt(parts[1], 3 + i);
            long offset;
            try {
                offset = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                throw malformed("line " + (3 + i) + " has offset '" + parts[2] + "', not a number");
            }
            if (offset < 0) {
                throw malformed("line " + (3 + i) + " has negative offset " + offset);
            }
            offsets.put(new TopicPartition(parts[0], partition), offset);
        }
        return offsets;
    }

    /** Deletes the file if it exists. */
    public void delete() {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new ProcessorStateException("Failed to delete checkpoint file " + file.getAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private int parseInt(String s, int line) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw malformed("line " + line + " is '" + s + "', not a number");
        }
    }

    private ProcessorStateException malformed(String why) {
        return new ProcessorStateException("Malformed checkpoint file " + file.getAbsolutePath() + ": " + why
                + ". Delete it to restore the task's stores from the beginning of their changelogs.");
    }
}
