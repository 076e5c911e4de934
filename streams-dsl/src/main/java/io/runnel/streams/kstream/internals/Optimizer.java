package io.runnel.streams.kstream.internals;

import io.runnel.streams.StreamsConfig;
import io.runnel.streams.kstream.internals.graph.GraphNode;
import io.runnel.streams.kstream.internals.graph.RepartitionNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph rewrites applied before the topology is written, chosen by {@code topology.optimization}.
 *
 * <p>{@code merge.repartition.topics}: several groupings of one key-changed stream ({@code
 * stream.selectKey(...)} followed by two {@code groupByKey().count()}) each need a repartition topic; with the
 * optimization they share the first one (same serdes required), as in Kafka. The merged topics' names disappear
 * from the topology, so turning the optimization on for a deployed application abandons their unread records.
 * ({@code reuse.ktable.source.topics} is applied where tables are written, see
 * {@link io.runnel.streams.kstream.internals.graph.TableSourceNode}.)
 */
final class Optimizer {

    private Optimizer() {
    }

    /**
     * @param nodes             the graph in creation order (changed in place)
     * @param copartitionGroups co-partition groups by source node name (changed in place)
     * @param ctx               the settings
     * @return the nodes to write, in order
     */
    static List<GraphNode> optimize(List<GraphNode> nodes, List<Set<String>> copartitionGroups, BuildContext ctx) {
        if (!ctx.optimize(StreamsConfig.MERGE_REPARTITION_TOPICS)) {
            return nodes;
        }
        Map<List<Object>, RepartitionNode<?, ?>> first = new HashMap<>();
        List<GraphNode> removed = new ArrayList<>();
        for (GraphNode node : nodes) {
            if (!(node instanceof RepartitionNode<?, ?> r) || r.mergeOrigin() == null) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            key.add(new Identity(r.mergeOrigin()));
            key.add(new Identity(r.keySerde()));
            key.add(new Identity(r.valueSerde()));
            RepartitionNode<?, ?> kept = first.putIfAbsent(key, r);
            if (kept == null) {
                continue;
            }
            for (GraphNode child : new ArrayList<>(r.children())) {
                child.replaceParent(r, kept);
            }
            removed.add(r);
            if (r.dedicatedFilter() != null) {
                removed.add(r.dedicatedFilter());
            }
            for (Set<String> group : copartitionGroups) {
                if (group.remove(r.nodeName())) {
                    group.add(kept.nodeName());
                }
            }
        }
        List<GraphNode> result = new ArrayList<>(nodes);
        result.removeIf(n -> removed.stream().anyMatch(x -> x == n));
        return result;
    }

    /** Compares by identity (null equals null). */
    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }
}
