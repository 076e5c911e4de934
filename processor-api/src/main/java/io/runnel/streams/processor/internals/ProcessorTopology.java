package io.runnel.streams.processor.internals;

import io.runnel.streams.processor.StateStore;
import io.runnel.streams.state.StoreBuilder;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The nodes and stores of one task (or of the global stores), freshly built from an
 * {@link InternalTopologyBuilder}: processor instances from their suppliers, stores from their builders (not yet
 * initialised). Owned by one task's thread.
 */
public final class ProcessorTopology {

    /**
     * A source reading a pattern.
     *
     * @param pattern the pattern
     * @param node    the source
     */
    public record PatternSource(Pattern pattern, SourceNode<?, ?> node) {
    }

    private final List<ProcessorNode<?, ?, ?, ?>> nodes;
    private final Map<String, SourceNode<?, ?>> sourcesByTopic;
    private final List<PatternSource> patternSources;
    private final Map<String, StateStore> stores;
    private final Map<String, StoreBuilder<?>> storeBuilders;
    private final Map<String, String> storeToChangelogTopic;
    private final Set<String> sourceChangelogStores;
    private final Set<String> repartitionTopics;
    private final Map<String, SourceNode<?, ?>> resolvedPatternTopics = new HashMap<>();

    ProcessorTopology(List<ProcessorNode<?, ?, ?, ?>> nodes, Map<String, SourceNode<?, ?>> sourcesByTopic,
                      List<PatternSource> patternSources, Map<String, StateStore> stores,
                      Map<String, StoreBuilder<?>> storeBuilders, Map<String, String> storeToChangelogTopic,
                      Set<String> sourceChangelogStores, Set<String> repartitionTopics) {
        this.nodes = List.copyOf(nodes);
        this.sourcesByTopic = Map.copyOf(sourcesByTopic);
        this.patternSources = List.copyOf(patternSources);
        this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        this.storeBuilders = Map.copyOf(storeBuilders);
        this.storeToChangelogTopic = Map.copyOf(storeToChangelogTopic);
        this.sourceChangelogStores = Set.copyOf(sourceChangelogStores);
        this.repartitionTopics = Set.copyOf(repartitionTopics);
    }

    /** @return every node, parents before children */
    public List<ProcessorNode<?, ?, ?, ?>> nodes() {
        return nodes;
    }

    /**
     * @param topic an input topic (full name)
     * @return the source reading it (by name or pattern), or null
     */
    public SourceNode<?, ?> source(String topic) {
        SourceNode<?, ?> node = sourcesByTopic.get(topic);
        if (node != null || patternSources.isEmpty()) {
            return node;
        }
        return resolvedPatternTopics.computeIfAbsent(topic, t -> {
            for (PatternSource ps : patternSources) {
                if (ps.pattern().matcher(t).matches()) {
                    return ps.node();
                }
            }
            return null;
        });
    }

    /** @return the sources reading topics by name, by full topic name */
    public Map<String, SourceNode<?, ?>> sourcesByTopic() {
        return sourcesByTopic;
    }

    /** @return the stores (built, not initialised), by name, in the order they were added */
    public Map<String, StateStore> stores() {
        return stores;
    }

    /**
     * @param storeName a store of this topology
     * @return its builder (tells whether it is logged and its changelog settings)
     */
    public StoreBuilder<?> storeBuilder(String storeName) {
        return storeBuilders.get(storeName);
    }

    /** @return the changelog topic of every logged store (full names), including source topics used as changelogs */
    public Map<String, String> storeToChangelogTopic() {
        return storeToChangelogTopic;
    }

    /**
     * @param storeName a store
     * @return true if its changelog is one of the topology's source topics (restored up to the committed offset)
     */
    public boolean hasSourceTopicChangelog(String storeName) {
        return sourceChangelogStores.contains(storeName);
    }

    /** @return the repartition topics among the inputs (full names) */
    public Set<String> repartitionTopics() {
        return repartitionTopics;
    }

    /** @return true if the topology has stores */
    public boolean hasStateStores() {
        return !stores.isEmpty();
    }
}
