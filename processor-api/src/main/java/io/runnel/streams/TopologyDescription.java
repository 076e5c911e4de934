package io.runnel.streams;

import io.runnel.streams.processor.TopicNameExtractor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link Topology#describe()} returns: the sub-topologies and global stores of a topology, as Kafka's
 * {@code TopologyDescription}. Nodes are grouped into a sub-topology when they are connected by edges or share a
 * state store; sub-topologies meet only through topics, and each runs as one task per input partition number.
 *
 * <p>{@code toString()} prints the text Kafka prints, for example:
 * <pre>
 * Topologies:
 *    Sub-topology: 0
 *     Source: Source (topics: [input])
 *       --&gt; Process
 *     Processor: Process (stores: [])
 *       --&gt; Sink
 *       &lt;-- Source
 *     Sink: Sink (topic: output)
 *       &lt;-- Process
 * </pre>
 * A description is an immutable snapshot; it does not change when the topology does.
 */
public interface TopologyDescription {

    /** A connected part of the topology: one task per input partition number. */
    interface Subtopology {
        /** @return the sub-topology number (the first half of its task ids) */
        int id();

        /** @return its nodes */
        Set<Node> nodes();
    }

    /** A global store: its source, the processor that updates it, and the store. */
    interface GlobalStore {
        /** @return the source reading the store's topic */
        Source source();

        /** @return the processor updating the store */
        Processor processor();

        /** @return the number it is printed with */
        int id();
    }

    /** A node of a topology. */
    interface Node {
        /** @return the node's unique name */
        String name();

        /** @return the nodes it receives records from */
        Set<Node> predecessors();

        /** @return the nodes it forwards records to */
        Set<Node> successors();
    }

    /** A source node: reads topics. */
    interface Source extends Node {
        /** @return the topics read, or null if the source uses a pattern */
        Set<String> topicSet();

        /** @return the pattern of the topics read, or null if the source names topics */
        Pattern topicPattern();
    }

    /** A processor node. */
    interface Processor extends Node {
        /** @return the names of the stores connected to it */
        Set<String> stores();
    }

    /** A sink node: writes to a topic. */
    interface Sink extends Node {
        /** @return the topic written to, or null if a {@link TopicNameExtractor} chooses it per record */
        String topic();

        /** @return the extractor choosing the topic, or null if the topic is fixed */
        TopicNameExtractor<?, ?> topicNameExtractor();
    }

    /** @return the sub-topologies, ordered by id */
    Set<Subtopology> subtopologies();

    /** @return the global stores, ordered by id */
    Set<GlobalStore> globalStores();
}
