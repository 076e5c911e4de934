package io.runnel.streams.processor.internals;

import java.util.Map;

/**
 * An internal topic the runtime creates before it starts: a changelog ({@code <application.id>-<store>-changelog},
 * compacted, partition count = the sub-topology's task count) or a repartition topic
 * ({@code <application.id>-<name>-repartition}, partition count fixed or inherited from upstream sources).
 *
 * @param name               the full topic name
 * @param type               changelog or repartition
 * @param numberOfPartitions the fixed partition count, or null until resolved
 * @param topicConfigs       the topic settings to create it with (Kafka names)
 */
public record InternalTopicConfig(String name, Type type, Integer numberOfPartitions, Map<String, String> topicConfigs) {

    /** What the topic is for. */
    public enum Type {
        /** A store's changelog: compacted (windowed stores: compacted and deleted after their retention). */
        CHANGELOG,
        /** A repartition topic: deleted by the runtime once consumed (retention otherwise unlimited). */
        REPARTITION
    }

    /** Copies the settings. */
    public InternalTopicConfig {
        topicConfigs = Map.copyOf(topicConfigs);
    }

    /**
     * @param partitions the resolved partition count
     * @return a copy with that count
     */
    public InternalTopicConfig withPartitions(int partitions) {
        return new InternalTopicConfig(name, type, partitions, topicConfigs);
    }
}
