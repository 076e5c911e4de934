package io.runnel.streams.processor.internals;

import java.util.Map;
import java.util.Set;

/**
 * The topics of one sub-topology, with full (decorated) names.
 *
 * @param sinkTopics              the topics its sinks write (fixed names only)
 * @param sourceTopics            the topics its sources read by name (repartition topics included)
 * @param repartitionSourceTopics the repartition topics among the sources, with their configuration
 * @param stateChangelogTopics    the changelog topics of its logged stores, with their configuration
 */
public record TopicsInfo(Set<String> sinkTopics, Set<String> sourceTopics,
                         Map<String, InternalTopicConfig> repartitionSourceTopics,
                         Map<String, InternalTopicConfig> stateChangelogTopics) {

    /** Copies the collections. */
    public TopicsInfo {
        sinkTopics = Set.copyOf(sinkTopics);
        sourceTopics = Set.copyOf(sourceTopics);
        repartitionSourceTopics = Map.copyOf(repartitionSourceTopics);
        stateChangelogTopics = Map.copyOf(stateChangelogTopics);
    }
}
