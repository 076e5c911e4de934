package io.runnel.log;

import io.runnel.common.Uuid;

import java.util.Map;

/**
 * What {@link LogManager} knows about a topic.
 *
 * @param name       the topic name
 * @param topicId    the topic ID (random, given at creation; KIP-516)
 * @param partitions the partition count
 * @param overrides  the topic-level config overrides, as given (strings)
 * @param config     the effective configuration (broker defaults plus overrides)
 */
public record TopicDescription(String name, Uuid topicId, int partitions, Map<String, String> overrides,
                               LogConfig config) {
}
