package io.runnel.streams.kstream.internals;

import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.kstream.internals.graph.GraphNode;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;
import io.runnel.streams.state.StoreBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/*
 * Design: the logical graph and its names.
 *
 * Processor node names are Kafka's: <PREFIX>-<10-digit index>, the index counting every node the builder names, so
 * `KSTREAM-SOURCE-0000000000`, `KSTREAM-FILTER-0000000001`, ... Users who need fixed node names give Named.
 *
 * Store and internal topic names follow the runtime's stable scheme instead (InternalTopologyBuilder.stableName):
 * <PREFIX>-<8 hex of SHA-256(anchor)>. Every KStream/KTable carries an anchor, a string that identifies its lineage
 * without positions: a source's topics ("stream:orders"), the name of the last stateful or user-named operator
 * upstream ("state:counts", "named:enrich"), the combination of both sides for joins and merges, and a "/rekey"
 * mark after a key change. Stateless unnamed operators pass their parent's anchor on unchanged, so inserting a
 * filter or a mapValues upstream renames no store or repartition topic. Two identical unnamed stateful operators on
 * the same lineage get -1, -2, ... in the order they were defined; name them to pin their names.
 *
 * Co-partitioning requirements (joins) are recorded as sets of source node names and handed to the topology builder
 * after every node is written.
 */
/**
 * The DSL's logical graph under construction: nodes in creation order, user stores, co-partition groups, and the
 * naming of nodes, stores and internal topics. {@link #build} compiles it into the {@link InternalTopologyBuilder}.
 * One per {@code StreamsBuilder}; not thread-safe.
 */
public final class InternalStreamsBuilder {

    private final InternalTopologyBuilder topologyBuilder;
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<StoreBuilder<?>> userStores = new ArrayList<>();
    private final List<Set<String>> copartitionGroups = new ArrayList<>();
    private final Set<String> userStoreNames = new LinkedHashSet<>();
    private int index;
    private boolean built;

    /** @param topologyBuilder the Processor API builder the graph compiles into */
    public InternalStreamsBuilder(InternalTopologyBuilder topologyBuilder) {
        this.topologyBuilder = Objects.requireNonNull(topologyBuilder, "topologyBuilder");
    }

    /**
     * @param prefix Kafka's operator prefix ({@code KSTREAM-FILTER})
     * @return {@code <prefix>-<10-digit index>}, the index counting every generated name
     */
    public String newProcessorName(String prefix) {
        return prefix + String.format("-%010d", index++);
    }

    /**
     * @param prefix Kafka's store prefix ({@code KSTREAM-AGGREGATE-STATE-STORE})
     * @param anchor the operator's anchor
     * @return a stable store name
     */
    public String newStoreName(String prefix, String anchor) {
        return topologyBuilder.stableName(prefix, anchor);
    }

    /**
     * @param prefix the topic's prefix ({@code KSTREAM-REPARTITION})
     * @param anchor the operator's anchor
     * @return a stable internal topic base name (without suffix)
     */
    public String newInternalTopicName(String prefix, String anchor) {
        return topologyBuilder.stableName(prefix, anchor);
    }

    /**
     * @param node a new node; its parents must already be added
     * @throws IllegalStateException if the topology was already built
     */
    public void addNode(GraphNode node) {
        checkNotBuilt();
        nodes.add(node);
    }

    /**
     * @param parent the parent
     * @param child  the new child node
     */
    public void addChild(GraphNode parent, GraphNode child) {
        checkNotBuilt();
        parent.addChild(child);
        nodes.add(child);
    }

    /**
     * @param storeBuilder a store for {@code process}/{@code processValues} operators, which name it
     * @throws TopologyException if a store with that name was already added
     */
    public void addStateStore(StoreBuilder<?> storeBuilder) {
        checkNotBuilt();
        Objects.requireNonNull(storeBuilder, "storeBuilder can't be null");
        if (!userStoreNames.add(storeBuilder.name())) {
            throw new TopologyException("A StateStore named " + storeBuilder.name() + " has already been added");
        }
        userStores.add(storeBuilder);
    }

    /**
     * Requires the topics read by these sources to be co-partitioned (checked when the application starts).
     *
     * @param sourceNodeNames source node names
     */
    public void copartition(Collection<String> sourceNodeNames) {
        checkNotBuilt();
        copartitionGroups.add(new LinkedHashSet<>(sourceNodeNames));
    }

    /** @return every node in creation order */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /** @return the Processor API builder */
    public InternalTopologyBuilder topologyBuilder() {
        return topologyBuilder;
    }

    /**
     * Compiles the graph: optimizations first, then user stores, every node in creation order (topological), then
     * the co-partition groups.
     *
     * @param ctx build settings
     * @throws IllegalStateException if already built
     * @throws TopologyException     if the graph is invalid
     */
    public void build(BuildContext ctx) {
        checkNotBuilt();
        built = true;
        if (nodes.isEmpty() && userStores.isEmpty()) {
            throw new TopologyException("Topology has no nodes: call StreamsBuilder.stream, table or globalTable"
                    + " before build()");
        }
        List<GraphNode> order = Optimizer.optimize(nodes, copartitionGroups, ctx);
        for (StoreBuilder<?> store : userStores) {
            topologyBuilder.addStateStore(store);
        }
        for (GraphNode node : order) {
            node.writeToTopology(topologyBuilder, ctx);
        }
        for (Set<String> group : copartitionGroups) {
            topologyBuilder.copartitionSources(group);
        }
        topologyBuilder.validate();
    }

    /** @return true once {@link #build} ran */
    public boolean isBuilt() {
        return built;
    }

    private void checkNotBuilt() {
        if (built) {
            throw new IllegalStateException("The topology was already built: define every operator before"
                    + " StreamsBuilder.build()");
        }
    }
}
