package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.ValueJoiner;
import io.runnel.streams.kstream.ValueJoinerWithKey;
import io.runnel.streams.kstream.internals.graph.GraphNode;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What every stream and table handle carries: the builder, the graph node producing it, the serdes known for its
 * keys and values (null: the defaults), the source nodes of its sub-topology (for co-partitioning) and its anchor
 * (for stable names, see {@link InternalStreamsBuilder}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public abstract class AbstractStream<K, V> {

    /** The builder. */
    protected final InternalStreamsBuilder builder;
    /** The node producing this stream or table. */
    protected final GraphNode graphNode;
    /** The key serde, or null. */
    protected final Serde<K> keySerde;
    /** The value serde, or null. */
    protected final Serde<V> valueSerde;
    /** The source nodes feeding this stream in its sub-topology. */
    protected final Set<String> sourceNodes;
    /** The lineage anchor for stable names. */
    protected final String anchor;

    /**
     * @param builder     the builder
     * @param graphNode   the producing node
     * @param keySerde    the key serde, or null
     * @param valueSerde  the value serde, or null
     * @param sourceNodes the sub-topology's source nodes
     * @param anchor      the anchor
     */
    protected AbstractStream(InternalStreamsBuilder builder, GraphNode graphNode, Serde<K> keySerde,
                             Serde<V> valueSerde, Set<String> sourceNodes, String anchor) {
        this.builder = builder;
        this.graphNode = graphNode;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.sourceNodes = Set.copyOf(sourceNodes);
        this.anchor = anchor;
    }

    /** @return the producing node */
    public GraphNode graphNode() {
        return graphNode;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the source nodes of the sub-topology */
    public Set<String> sourceNodes() {
        return sourceNodes;
    }

    /** @return the anchor */
    public String anchor() {
        return anchor;
    }

    /**
     * @param other another stream or table
     * @return the union of both source node sets
     */
    protected Set<String> union(AbstractStream<?, ?> other) {
        Set<String> all = new LinkedHashSet<>(sourceNodes);
        all.addAll(other.sourceNodes);
        return all;
    }

    /**
     * @param other another stream or table
     * @throws IllegalArgumentException if it was built by another {@code StreamsBuilder}
     */
    protected void checkSameBuilder(AbstractStream<?, ?> other) {
        if (other.builder != builder) {
            throw new IllegalArgumentException("Cannot combine streams or tables of different StreamsBuilders");
        }
    }

    /**
     * @param named a name given by the user, or empty
     * @return the anchor of an operator with that name: the name if given, else this stream's anchor
     */
    protected String anchorOf(NamedInternal named) {
        return named.name() != null ? "named:" + named.name() : anchor;
    }

    /**
     * @param anchor an anchor
     * @return the anchor marked as key-changed (idempotent)
     */
    protected static String rekeyed(String anchor) {
        return anchor.endsWith("/rekey") ? anchor : anchor + "/rekey";
    }

    /**
     * @param <K1>   the key type
     * @param <V1>   the left type
     * @param <V2>   the right type
     * @param <VR>   the result type
     * @param joiner a joiner without key
     * @return it as a joiner with key
     */
    protected static <K1, V1, V2, VR> ValueJoinerWithKey<K1, V1, V2, VR> withKey(
            ValueJoiner<? super V1, ? super V2, ? extends VR> joiner) {
        Objects.requireNonNull(joiner, "joiner can't be null");
        return (k, v1, v2) -> joiner.apply(v1, v2);
    }

    /**
     * @param <T>   the type
     * @param first the preferred value
     * @param other the fallback
     * @return first unless null, else other
     */
    protected static <T> T orElse(T first, T other) {
        return first != null ? first : other;
    }
}
