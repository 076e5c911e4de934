package io.runnel.log.internals;

import io.runnel.common.Uuid;
import io.runnel.common.errors.RunnelStorageException;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Persists topic metadata under {@code <log.dir>/__topic_metadata/<topic id>.properties}, one file per topic
 * (named by ID: a 249-character topic name plus a suffix would pass the file system's 255-byte name limit), as
 * Java properties:
 *
 * <pre>
 * version=0
 * name=orders
 * topic.id=AAAAAAAAAAAAAAAAAAAAAQ
 * partitions=3
 * config.cleanup.policy=compact        (topic-level overrides, prefixed "config.")
 * </pre>
 *
 * <p>Each partition directory also gets Kafka's {@code partition.metadata} ({@code version: 0} and
 * {@code topic_id: <id>}). Files are written atomically (temp, fsync, rename). Thread-safety: callers serialize
 * (the {@code LogManager} holds its lock).
 */
public final class TopicMetadataStore {

    /** The directory under log.dir. */
    public static final String DIR_NAME = "__topic_metadata";
    /** Kafka's per-partition metadata file. */
    public static final String PARTITION_METADATA_FILE = "partition.metadata";
    private static final String SUFFIX = ".properties";

    /**
     * One topic's persisted metadata.
     *
     * @param name       the topic
     * @param topicId    its ID
     * @param partitions the partition count
     * @param overrides  topic-level config overrides, as strings
     */
    public record TopicMetadata(String name, Uuid topicId, int partitions, Map<String, String> overrides) {
    }

    private final File dir;

    /** @param logDir the log directory */
    public TopicMetadataStore(File logDir) {
        this.dir = new File(logDir, DIR_NAME);
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new RunnelStorageException("Could not create " + dir);
        }
    }

    /** @return every persisted topic by name */
    public Map<String, TopicMetadata> loadAll() {
        Map<String, TopicMetadata> topics = new TreeMap<>();
        File[] files = dir.listFiles((d, n) -> n.endsWith(SUFFIX));
        if (files == null) {
            return topics;
        }
        for (File f : files) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f.toPath(), StandardCharsets.UTF_8)) {
                p.load(r);
                Map<String, String> overrides = new LinkedHashMap<>();
                for (String key : new TreeMap<>(p).keySet().stream().map(String::valueOf).toList()) {
                    if (key.startsWith("config.")) {
                        overrides.put(key.substring("config.".length()), p.getProperty(key));
                    }
                }
                String name = p.getProperty("name");
                topics.put(name, new TopicMetadata(name, Uuid.fromString(p.getProperty("topic.id")),
                        Integer.parseInt(p.getProperty("partitions")), overrides));
            } catch (IOException | RuntimeException e) {
                throw new RunnelStorageException("Topic metadata file " + f + " is unreadable: " + e.getMessage()
                        + "; restore it or remove it together with the topic's partition directories", e);
            }
        }
        return topics;
    }

    /**
     * Writes (creates or replaces) a topic's metadata.
     *
     * @param metadata the metadata
     */
    public void write(TopicMetadata metadata) {
        Properties p = new Properties();
        p.setProperty("version", "0");
        p.setProperty("name", metadata.name());
        p.setProperty("topic.id", metadata.topicId().toString());
        p.setProperty("partitions", Integer.toString(metadata.partitions()));
        metadata.overrides().forEach((k, v) -> p.setProperty("config." + k, v));
        File target = new File(dir, metadata.topicId() + SUFFIX);
        File tmp = new File(dir, metadata.topicId() + SUFFIX + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp.toPath(), StandardCharsets.UTF_8)) {
                p.store(w, "Runnel topic metadata");
            }
            try (FileChannel ch = FileChannel.open(tmp.toPath(), StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not write topic metadata " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a topic's metadata.
     *
     * @param metadata the topic
     */
    public void delete(TopicMetadata metadata) {
        try {
            Files.deleteIfExists(new File(dir, metadata.topicId() + SUFFIX).toPath());
        } catch (IOException e) {
            throw new RunnelStorageException("Could not delete topic metadata of " + metadata.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes Kafka's {@code partition.metadata} into a partition directory.
     *
     * @param partitionDir the directory
     * @param topicId      the topic ID
     */
    public static void writePartitionMetadata(File partitionDir, Uuid topicId) {
        File f = new File(partitionDir, PARTITION_METADATA_FILE);
        try {
            Files.writeString(f.toPath(), "version: 0\ntopic_id: " + topicId + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not write " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param partitionDir a partition directory
     * @return the topic ID in its {@code partition.metadata}, or null if absent or unreadable
     */
    public static Uuid readPartitionMetadata(File partitionDir) {
        File f = new File(partitionDir, PARTITION_METADATA_FILE);
        try {
            for (String line : Files.readAllLines(f.toPath(), StandardCharsets.UTF_8)) {
                if (line.startsWith("topic_id:")) {
                    return Uuid.fromString(line.substring("topic_id:".length()).trim());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
