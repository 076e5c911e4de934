package io.runnel.clients.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A topic to create (Kafka's {@code NewTopic}): name, partition count, replication factor and config overrides.
 * Mutable through {@link #configs(Map)} until passed to {@code createTopics}; not thread-safe.
 */
public final class NewTopic {

    private final String name;
    private final Optional<Integer> numPartitions;
    private final Optional<Short> replicationFactor;
    private Map<String, String> configs = Map.of();

    /**
     * @param name              the topic name
     * @param numPartitions     the partition count, {@code >= 1}
     * @param replicationFactor 1 (the embedded log has one node)
     */
    public NewTopic(String name, int numPartitions, short replicationFactor) {
        this(name, Optional.of(numPartitions), Optional.of(replicationFactor));
    }

    /**
     * @param name              the topic name
     * @param numPartitions     the partition count, or empty for the broker's {@code num.partitions}
     * @param replicationFactor the replication factor, or empty for {@code default.replication.factor}
     */
    public NewTopic(String name, Optional<Integer> numPartitions, Optional<Short> replicationFactor) {
        this.name = Objects.requireNonNull(name, "name");
        this.numPartitions = Objects.requireNonNull(numPartitions, "numPartitions");
        this.replicationFactor = Objects.requireNonNull(replicationFactor, "replicationFactor");
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the partition count, or -1 for the broker default */
    public int numPartitions() {
        return numPartitions.orElse(-1);
    }

    /** @return the replication factor, or -1 for the broker default */
    public short replicationFactor() {
        return replicationFactor.orElse((short) -1);
    }

    /**
     * @param configs topic-level overrides with Kafka's names ({@code cleanup.policy}, {@code retention.ms}, ...)
     * @return this
     */
    public NewTopic configs(Map<String, String> configs) {
        this.configs = new HashMap<>(configs);
        return this;
    }

    /** @return the overrides */
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public String toString() {
        return "(name=" + name + ", numPartitions=" + numPartitions.map(String::valueOf).orElse("default")
                + ", replicationFactor=" + replicationFactor.map(String::valueOf).orElse("default") + ", configs="
                + configs + ")";
    }
}
