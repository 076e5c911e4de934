package io.runnel.streams.processor.internals;

import io.runnel.streams.TopologyDescription;
import io.runnel.streams.processor.TopicNameExtractor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The immutable description {@link InternalTopologyBuilder#describe()} builds, printed in Kafka's text format:
 * sub-topologies by id, then global stores; within a sub-topology, nodes with the larger downstream sub-graph first
 * (so sources come first), ties by name.
 */
final class TopologyDescriptionImpl implements TopologyDescription {

    private final Set<Subtopology> subtopologies;
    private final Set<GlobalStore> globalStores;

    TopologyDescriptionImpl(List<Subtopology> subtopologies, List<GlobalStore> globalStores) {
        List<Subtopology> s = new ArrayList<>(subtopologies);
        s.sort(Comparator.comparingInt(Subtopology::id));
        List<GlobalStore> g = new ArrayList<>(globalStores);
        g.sort(Comparator.comparingInt(GlobalStore::id));
        this.subtopologies = Collections.unmodifiableSet(new LinkedHashSet<>(s));
        this.globalStores = Collections.unmodifiableSet(new LinkedHashSet<>(g));
    }

    @Override
    public Set<Subtopology> subtopologies() {
        return subtopologies;
    }

    @Override
    public Set<GlobalStore> globalStores() {
        return globalStores;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Topologies:\n ");
        List<Object> all = new ArrayList<>();
        all.addAll(subtopologies);
        all.addAll(globalStores);
        all.sort(Comparator.comparingInt(o -> o instanceof Subtopology s ? s.id() : ((GlobalStore) o).id()));
        for (Object o : all) {
            sb.append(o);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyDescriptionImpl d && d.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Orders nodes by the size of their downstream sub-graph (larger first), then by name. */
    static final Comparator<Node> NODE_ORDER = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        int sizeA = ((AbstractNode) a).subgraphSize();
        int sizeB = ((AbstractNode) b).subgraphSize();
        return sizeA != sizeB ? Integer.compare(sizeB, sizeA) : a.name().compareTo(b.name());
    };

    static String names(Set<Node> nodes) {
        if (nodes.isEmpty()) {
            return "none";
        }
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(NODE_ORDER);
        StringBuilder sb = new StringBuilder();
        for (Node n : sorted) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(n.name());
        }
        return sb.toString();
    }

    record SubtopologyImpl(int id, Set<Node> nodes) implements Subtopology {
        SubtopologyImpl {
            List<Node> sorted = new ArrayList<>(nodes);
            sorted.sort(NODE_ORDER);
            nodes = Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("  Sub-topology: ").append(id).append('\n');
            for (Node n : nodes) {
                sb.append("    ").append(n).append('\n');
            }
            return sb.append('\n').toString();
        }
    }

    record GlobalStoreImpl(Source source, Processor processor, int id) implements GlobalStore {
        @Override
        public String toString() {
            return "  Sub-topology: " + id + " for global store (will not generate tasks)\n    " + source + "\n    "
                    + processor + "\n";
        }
    }

    abstract static class AbstractNode implements Node {
        private final String name;
        final Set<Node> predecessors = new TreeSet<>(Comparator.comparing(Node::name));
        final Set<Node> successors = new TreeSet<>(Comparator.comparing(Node::name));
        private int size = -1;

        AbstractNode(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Node> predecessors() {
            return Collections.unmodifiableSet(predecessors);
        }

        @Override
        public Set<Node> successors() {
            return Collections.unmodifiableSet(successors);
        }

        int subgraphSize() {
            if (size < 0) {
                Set<Node> seen = new java.util.HashSet<>();
                collect(this, seen);
                size = seen.size();
            }
            return size;
        }

        private static void collect(Node node, Set<Node> seen) {
            if (seen.add(node)) {
                for (Node s : node.successors()) {
                    collect(s, seen);
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AbstractNode n && n.getClass() == getClass() && n.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    static final class SourceImpl extends AbstractNode implements Source {
        private final Set<String> topics;
        private final Pattern pattern;

        SourceImpl(String name, Set<String> topics, Pattern pattern) {
            super(name);
            this.topics = topics == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(topics));
            this.pattern = pattern;
        }

        @Override
        public Set<String> topicSet() {
            return topics;
        }

        @Override
        public Pattern topicPattern() {
            return pattern;
        }

        @Override
        public String toString() {
            String what = topics != null ? topics.toString() : pattern.pattern();
            return "Source: " + name() + " (topics: " + what + ")\n      --> " + names(successors());
        }
    }

    static final class ProcessorImpl extends AbstractNode implements Processor {
        private final Set<String> stores;

        ProcessorImpl(String name, Set<String> stores) {
            super(name);
            this.stores = Collections.unmodifiableSet(new TreeSet<>(stores));
        }

        @Override
        public Set<String> stores() {
            return stores;
        }

        @Override
        public String toString() {
            return "Processor: " + name() + " (stores: " + stores + ")\n      --> " + names(successors())
                    + "\n      <-- " + names(predecessors());
        }
    }

    static final class SinkImpl extends AbstractNode implements Sink {
        private final String topic;
        private final TopicNameExtractor<?, ?> extractor;

        SinkImpl(String name, String topic, TopicNameExtractor<?, ?> extractor) {
            super(name);
            this.topic = topic;
            this.extractor = extractor;
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public TopicNameExtractor<?, ?> topicNameExtractor() {
            return extractor;
        }

        @Override
        public String toString() {
            String what = topic != null ? "topic: " + topic : "extractor class: " + extractor.getClass().getName();
            return "Sink: " + name() + " (" + what + ")\n      <-- " + names(predecessors());
        }
    }
}
