package io.runnel.streams.kstream.internals.graph;

import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/*
 * Design: the DSL is a compiler.
 *
 * Every DSL call (filter, groupByKey().count(), join, ...) adds one or more GraphNodes to the logical graph held
 * by InternalStreamsBuilder and returns a new KStream/KTable wrapping the last node. Nothing touches the Processor
 * API then: names are fixed (so stable names can be generated from anchors at the call), but stores are created
 * and nodes written only when StreamsBuilder.build() walks the graph in creation order, which is topological
 * (parents are created before children), and calls writeToTopology on each node. That late step is where build
 * settings apply: default.dsl.store chooses the store engines and topology.optimization rewrites the graph first
 * (merging repartition topics, reusing a table's source topic as its changelog), as Kafka's GraphNode does.
 */
/**
 * One node of the DSL's logical graph: it writes one or more Processor API nodes (and their stores and internal
 * topics) when the topology is built. Children connect to {@link #nodeName()}, the name of the last Processor API
 * node it writes. Build-time only; not thread-safe.
 */
public abstract class GraphNode {

    private final String nodeName;
    private final List<GraphNode> parents = new ArrayList<>();
    private final List<GraphNode> children = new ArrayList<>();
    private boolean keyChanging;

    /** @param nodeName the name children connect to */
    protected GraphNode(String nodeName) {
        this.nodeName = nodeName;
    }

    /** @return the name of the Processor API node children connect to */
    public String nodeName() {
        return nodeName;
    }

    /** @return the parents, in the order they were added */
    public List<GraphNode> parents() {
        return Collections.unmodifiableList(parents);
    }

    /** @return the children, in the order they were added */
    public List<GraphNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** @param child a node reading this node's output */
    public void addChild(GraphNode child) {
        children.add(child);
        child.parents.add(this);
    }

    /**
     * Replaces a parent by another (graph rewriting by optimizations).
     *
     * @param oldParent the parent to replace
     * @param newParent its replacement
     */
    public void replaceParent(GraphNode oldParent, GraphNode newParent) {
        int i = parents.indexOf(oldParent);
        if (i >= 0) {
            parents.set(i, newParent);
            oldParent.children.remove(this);
            newParent.children.add(this);
        }
    }

    /** @return the names of the parents' output nodes */
    protected String[] parentNames() {
        String[] names = new String[parents.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = parents.get(i).nodeName();
        }
        return names;
    }

    /** @return true if the node may change keys (a following aggregation or join must repartition) */
    public boolean isKeyChanging() {
        return keyChanging;
    }

    /** @param keyChanging whether the node may change keys */
    public void setKeyChanging(boolean keyChanging) {
        this.keyChanging = keyChanging;
    }

    /**
     * Writes the node into the topology. Parents have been written.
     *
     * @param builder the Processor API builder
     * @param ctx     build settings
     */
    public abstract void writeToTopology(InternalTopologyBuilder builder, BuildContext ctx);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + nodeName + ")";
    }
}
