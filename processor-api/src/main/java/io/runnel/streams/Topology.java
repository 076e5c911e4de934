package io.runnel.streams;

import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.TopicNameExtractor;
import io.runnel.streams.processor.api.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;
import io.runnel.streams.state.StoreBuilder;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A processing graph of sources, processors and sinks with their state stores, as Kafka's {@code Topology}: build
 * it, then run it with {@link RunnelStreams}. The DSL's {@code StreamsBuilder.build()} returns one too.
 *
 * <pre>{@code
 * Topology topology = new Topology()
 *     .addSource("Source", "input")
 *     .addProcessor("Process", FilterProcessor::new, "Source")
 *     .addSink("Sink", "output", "Process");
 * }</pre>
 *
 * <p>Every node has a name unique in the topology; processors and sinks name their parents, which must have been
 * added before. Nodes connected by edges or by a shared store form a sub-topology; each runs as one task per input
 * partition ({@link #describe()} shows them). Sources without deserializers use {@code default.key.serde} and
 * {@code default.value.serde}; likewise sinks without serializers. A mistake (duplicate or unknown name, a topic
 * read twice, a store connected to a sink) throws {@link TopologyException} at the call that made it.
 *
 * <p>Every method returns this topology, for chaining. Not thread-safe: build a topology on one thread, then hand it
 * to the runtime, after which it must not change.
 */
public class Topology {

    /** Where a source starts reading a partition that has no committed offset (Kafka's enum). */
    public enum AutoOffsetReset {
        /** From the first record in the partition. */
        EARLIEST,
        /** From the end: only records written after the application started. */
        LATEST
    }

    /** The definitions; shared with the DSL and the runtime (same package, as in Kafka). */
    protected final InternalTopologyBuilder internalTopologyBuilder;

    /** An empty topology. */
    public Topology() {
        this(new InternalTopologyBuilder());
    }

    /**
     * For the DSL: a topology over a builder it filled.
     *
     * @param internalTopologyBuilder the definitions
     */
    protected Topology(InternalTopologyBuilder internalTopologyBuilder) {
        this.internalTopologyBuilder = Objects.requireNonNull(internalTopologyBuilder, "internalTopologyBuilder");
    }

    // ----------------------------------------------------------------------------------------------- sources

    /**
     * Adds a source reading topics with the default deserializers and timestamp extractor.
     *
     * @param name   the node name
     * @param topics the topics, at least one
     * @return this topology
     * @throws TopologyException if the name is taken, no topic is given, or a topic is already read
     */
    public synchronized Topology addSource(String name, String... topics) {
        internalTopologyBuilder.addSource(null, name, null, null, null, topics);
        return this;
    }

    /**
     * Adds a source reading every topic matching a pattern.
     *
     * @param name         the node name
     * @param topicPattern matched against whole topic names
     * @return this topology
     * @throws TopologyException if the name is taken or a topic read by another source matches
     */
    public synchronized Topology addSource(String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(null, name, null, null, null, topicPattern);
        return this;
    }

    /**
     * @param offsetReset where to start without a committed offset
     * @param name        the node name
     * @param topics      the topics
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, String...)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name, String... topics) {
        internalTopologyBuilder.addSource(offsetReset, name, null, null, null, topics);
        return this;
    }

    /**
     * @param offsetReset  where to start without a committed offset
     * @param name         the node name
     * @param topicPattern the pattern
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, Pattern)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(offsetReset, name, null, null, null, topicPattern);
        return this;
    }

    /**
     * @param timestampExtractor the source's extractor
     * @param name               the node name
     * @param topics             the topics
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, String...)}
     */
    public synchronized Topology addSource(TimestampExtractor timestampExtractor, String name, String... topics) {
        internalTopologyBuilder.addSource(null, name, timestampExtractor, null, null, topics);
        return this;
    }

    /**
     * @param timestampExtractor the source's extractor
     * @param name               the node name
     * @param topicPattern       the pattern
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, Pattern)}
     */
    public synchronized Topology addSource(TimestampExtractor timestampExtractor, String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(null, name, timestampExtractor, null, null, topicPattern);
        return this;
    }

    /**
     * @param offsetReset        where to start without a committed offset
     * @param timestampExtractor the source's extractor
     * @param name               the node name
     * @param topics             the topics
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, String...)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, TimestampExtractor timestampExtractor,
                                           String name, String... topics) {
        internalTopologyBuilder.addSource(offsetReset, name, timestampExtractor, null, null, topics);
        return this;
    }

    /**
     * @param offsetReset        where to start without a committed offset
     * @param timestampExtractor the source's extractor
     * @param name               the node name
     * @param topicPattern       the pattern
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, Pattern)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, TimestampExtractor timestampExtractor,
                                           String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(offsetReset, name, timestampExtractor, null, null, topicPattern);
        return this;
    }

    /**
     * @param name              the node name
     * @param keyDeserializer   the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topics            the topics
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, String...)}
     */
    public synchronized Topology addSource(String name, Deserializer<?> keyDeserializer,
                                           Deserializer<?> valueDeserializer, String... topics) {
        internalTopologyBuilder.addSource(null, name, null, keyDeserializer, valueDeserializer, topics);
        return this;
    }

    /**
     * @param name              the node name
     * @param keyDeserializer   the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topicPattern      the pattern
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, Pattern)}
     */
    public synchronized Topology addSource(String name, Deserializer<?> keyDeserializer,
                                           Deserializer<?> valueDeserializer, Pattern topicPattern) {
        internalTopologyBuilder.addSource(null, name, null, keyDeserializer, valueDeserializer, topicPattern);
        return this;
    }

    /**
     * @param offsetReset       where to start without a committed offset
     * @param name              the node name
     * @param keyDeserializer   the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topics            the topics
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, String...)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name, Deserializer<?> keyDeserializer,
                                           Deserializer<?> valueDeserializer, String... topics) {
        internalTopologyBuilder.addSource(offsetReset, name, null, keyDeserializer, valueDeserializer, topics);
        return this;
    }

    /**
     * @param offsetReset       where to start without a committed offset
     * @param name              the node name
     * @param keyDeserializer   the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topicPattern      the pattern
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, Pattern)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name, Deserializer<?> keyDeserializer,
                                           Deserializer<?> valueDeserializer, Pattern topicPattern) {
        internalTopologyBuilder.addSource(offsetReset, name, null, keyDeserializer, valueDeserializer, topicPattern);
        return this;
    }

    /**
     * The complete form: every option of a source.
     *
     * @param offsetReset        where to start without a committed offset, or null for {@code auto.offset.reset}
     * @param name               the node name
     * @param timestampExtractor the extractor, or null for {@code default.timestamp.extractor}
     * @param keyDeserializer    the key deserializer, or null for the default serde's
     * @param valueDeserializer  the value deserializer, or null for the default serde's
     * @param topics             the topics
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, String...)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name,
                                           TimestampExtractor timestampExtractor, Deserializer<?> keyDeserializer,
                                           Deserializer<?> valueDeserializer, String... topics) {
        internalTopologyBuilder.addSource(offsetReset, name, timestampExtractor, keyDeserializer, valueDeserializer,
                topics);
        return this;
    }

    /**
     * The complete form of a pattern source.
     *
     * @param offsetReset        where to start without a committed offset, or null
     * @param name               the node name
     * @param timestampExtractor the extractor, or null
     * @param keyDeserializer    the key deserializer, or null
     * @param valueDeserializer  the value deserializer, or null
     * @param topicPattern       the pattern
     * @return this topology
     * @throws TopologyException as {@link #addSource(String, Pattern)}
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name,
                                           TimestampExtractor timestampExtractor, Deserializer<?> keyDeserializer,
                                           Deserializer<?> valueDeserializer, Pattern topicPattern) {
        internalTopologyBuilder.addSource(offsetReset, name, timestampExtractor, keyDeserializer, valueDeserializer,
                topicPattern);
        return this;
    }

    // ----------------------------------------------------------------------------------------------- sinks

    /**
     * Adds a sink writing to a topic with the default serializers and partitioning.
     *
     * @param name        the node name
     * @param topic       the topic (it must exist)
     * @param parentNames the parents
     * @return this topology
     * @throws TopologyException if the name is taken or a parent is unknown or a sink
     */
    public synchronized Topology addSink(String name, String topic, String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, null, null, null, parentNames);
        return this;
    }

    /**
     * @param <K>         the key type
     * @param <V>         the value type
     * @param name        the node name
     * @param topic       the topic
     * @param partitioner chooses partitions
     * @param parentNames the parents
     * @return this topology
     * @throws TopologyException as {@link #addSink(String, String, String...)}
     */
    public synchronized <K, V> Topology addSink(String name, String topic,
                                                StreamPartitioner<? super K, ? super V> partitioner,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, null, null, partitioner, parentNames);
        return this;
    }

    /**
     * @param <K>             the key type
     * @param <V>             the value type
     * @param name            the node name
     * @param topic           the topic
     * @param keySerializer   the key serializer
     * @param valueSerializer the value serializer
     * @param parentNames     the parents
     * @return this topology
     * @throws TopologyException as {@link #addSink(String, String, String...)}
     */
    public synchronized <K, V> Topology addSink(String name, String topic, Serializer<K> keySerializer,
                                                Serializer<V> valueSerializer, String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, keySerializer, valueSerializer, null, parentNames);
        return this;
    }

    /**
     * The complete form: every option of a sink with a fixed topic.
     *
     * @param <K>             the key type
     * @param <V>             the value type
     * @param name            the node name
     * @param topic           the topic
     * @param keySerializer   the key serializer, or null for the default serde's
     * @param valueSerializer the value serializer, or null for the default serde's
     * @param partitioner     chooses partitions, or null for murmur2 of the key bytes
     * @param parentNames     the parents
     * @return this topology
     * @throws TopologyException as {@link #addSink(String, String, String...)}
     */
    public synchronized <K, V> Topology addSink(String name, String topic, Serializer<K> keySerializer,
                                                Serializer<V> valueSerializer,
                                                StreamPartitioner<? super K, ? super V> partitioner,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, keySerializer, valueSerializer, partitioner, parentNames);
        return this;
    }

    /**
     * Adds a sink whose topic is chosen per record (the topics must exist).
     *
     * @param <K>            the key type
     * @param <V>            the value type
     * @param name           the node name
     * @param topicExtractor chooses the topic
     * @param parentNames    the parents
     * @return this topology
     * @throws TopologyException as {@link #addSink(String, String, String...)}
     */
    public synchronized <K, V> Topology addSink(String name, TopicNameExtractor<K, V> topicExtractor,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topicExtractor, null, null, null, parentNames);
        return this;
    }

    /**
     * The complete form of a dynamic sink.
     *
     * @param <K>             the key type
     * @param <V>             the value type
     * @param name            the node name
     * @param topicExtractor  chooses the topic
     * @param keySerializer   the key serializer, or null
     * @param valueSerializer the value serializer, or null
     * @param partitioner     chooses partitions, or null
     * @param parentNames     the parents
     * @return this topology
     * @throws TopologyException as {@link #addSink(String, String, String...)}
     */
    public synchronized <K, V> Topology addSink(String name, TopicNameExtractor<K, V> topicExtractor,
                                                Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                                StreamPartitioner<? super K, ? super V> partitioner,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topicExtractor, keySerializer, valueSerializer, partitioner,
                parentNames);
        return this;
    }

    // ----------------------------------------------------------------------------------------------- processors

    /**
     * Adds a processor. The stores its supplier's {@code stores()} returns are added and connected to it.
     *
     * @param <KIn>       the input key type
     * @param <VIn>       the input value type
     * @param <KOut>      the output key type
     * @param <VOut>      the output value type
     * @param name        the node name
     * @param supplier    creates one processor per task; a new instance at every {@code get()}
     * @param parentNames the parents
     * @return this topology
     * @throws TopologyException if the name is taken, a parent is unknown or a sink, or the supplier returns the
     *                           same instance twice
     */
    public synchronized <KIn, VIn, KOut, VOut> Topology addProcessor(String name,
                                                                     ProcessorSupplier<KIn, VIn, KOut, VOut> supplier,
                                                                     String... parentNames) {
        internalTopologyBuilder.addProcessor(name, supplier, parentNames);
        return this;
    }

    /**
     * Adds a processor that cannot change keys (Runnel: Kafka has it in the DSL only, as {@code processValues}).
     *
     * @param <KIn>       the key type
     * @param <VIn>       the input value type
     * @param <VOut>      the output value type
     * @param name        the node name
     * @param supplier    creates one processor per task
     * @param parentNames the parents
     * @return this topology
     * @throws TopologyException as {@link #addProcessor}
     */
    public synchronized <KIn, VIn, VOut> Topology addFixedKeyProcessor(
            String name, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier, String... parentNames) {
        internalTopologyBuilder.addFixedKeyProcessor(name, supplier, parentNames);
        return this;
    }

    // ----------------------------------------------------------------------------------------------- stores

    /**
     * Adds a store and connects it to processors. Logged stores get a changelog
     * {@code <application.id>-<store>-changelog} with one partition per task of their sub-topology.
     *
     * @param storeBuilder   builds one store per task
     * @param processorNames processors using it (more can be connected later)
     * @return this topology
     * @throws TopologyException if a store of that name exists or a processor is unknown
     */
    public synchronized Topology addStateStore(StoreBuilder<?> storeBuilder, String... processorNames) {
        internalTopologyBuilder.addStateStore(storeBuilder, processorNames);
        return this;
    }

    /**
     * Connects stores already added to a processor.
     *
     * @param processorName   the processor
     * @param stateStoreNames the stores
     * @return this topology
     * @throws TopologyException if the processor or a store is unknown
     */
    public synchronized Topology connectProcessorAndStateStores(String processorName, String... stateStoreNames) {
        internalTopologyBuilder.connectProcessorAndStateStores(processorName, stateStoreNames);
        return this;
    }

    /**
     * Adds a store filled from a topic that serves as its changelog (no changelog topic is created): a source, a
     * processor that writes what it receives into the store, and the store, logging disabled. Other processors of
     * the sub-topology may read it after {@link #connectProcessorAndStateStores}.
     *
     * @param <KIn>               the key type
     * @param <VIn>               the value type
     * @param storeBuilder        builds the store
     * @param sourceName          the source node's name
     * @param timestampExtractor  the extractor, or null
     * @param keyDeserializer     the key deserializer
     * @param valueDeserializer   the value deserializer
     * @param topic               the topic
     * @param processorName       the processor's name
     * @param stateUpdateSupplier creates the processor that writes the store
     * @return this topology
     * @throws TopologyException if a name is taken or the topic is already read
     */
    public synchronized <KIn, VIn> Topology addReadOnlyStateStore(StoreBuilder<?> storeBuilder, String sourceName,
                                                                  TimestampExtractor timestampExtractor,
                                                                  Deserializer<KIn> keyDeserializer,
                                                                  Deserializer<VIn> valueDeserializer, String topic,
                                                                  String processorName,
                                                                  ProcessorSupplier<KIn, VIn, Void, Void>
                                                                          stateUpdateSupplier) {
        storeBuilder.withLoggingDisabled();
        internalTopologyBuilder.addSource(AutoOffsetReset.EARLIEST, sourceName, timestampExtractor, keyDeserializer,
                valueDeserializer, topic);
        internalTopologyBuilder.addProcessor(processorName, stateUpdateSupplier, sourceName);
        internalTopologyBuilder.addStateStore(storeBuilder, processorName);
        internalTopologyBuilder.connectSourceStoreAndTopic(storeBuilder.name(), topic);
        return this;
    }

    /**
     * As the complete form, with the default timestamp extractor.
     *
     * @param <KIn>               the key type
     * @param <VIn>               the value type
     * @param storeBuilder        builds the store
     * @param sourceName          the source node's name
     * @param keyDeserializer     the key deserializer
     * @param valueDeserializer   the value deserializer
     * @param topic               the topic
     * @param processorName       the processor's name
     * @param stateUpdateSupplier creates the processor
     * @return this topology
     * @throws TopologyException if a name is taken or the topic is already read
     */
    public synchronized <KIn, VIn> Topology addReadOnlyStateStore(StoreBuilder<?> storeBuilder, String sourceName,
                                                                  Deserializer<KIn> keyDeserializer,
                                                                  Deserializer<VIn> valueDeserializer, String topic,
                                                                  String processorName,
                                                                  ProcessorSupplier<KIn, VIn, Void, Void>
                                                                          stateUpdateSupplier) {
        return addReadOnlyStateStore(storeBuilder, sourceName, null, keyDeserializer, valueDeserializer, topic,
                processorName, stateUpdateSupplier);
    }

    /**
     * Adds a global store: every application instance holds all of it, filled from every partition of
     * {@code topic} before processing starts and kept up to date by a global stream thread running
     * {@code stateUpdateSupplier}'s processor. Every processor can read it without connecting it. On bootstrap the
     * records are run through the processor (Kafka's behaviour for {@code addGlobalStore}).
     *
     * @param <KIn>               the key type
     * @param <VIn>               the value type
     * @param storeBuilder        builds the store; logging is disabled (the topic is its changelog)
     * @param sourceName          the source node's name
     * @param keyDeserializer     the key deserializer
     * @param valueDeserializer   the value deserializer
     * @param topic               the topic
     * @param processorName       the processor's name
     * @param stateUpdateSupplier creates the processor
     * @return this topology
     * @throws TopologyException if a name is taken or the topic is already read
     */
    public synchronized <KIn, VIn> Topology addGlobalStore(StoreBuilder<?> storeBuilder, String sourceName,
                                                           Deserializer<KIn> keyDeserializer,
                                                           Deserializer<VIn> valueDeserializer, String topic,
                                                           String processorName,
                                                           ProcessorSupplier<KIn, VIn, Void, Void>
                                                                   stateUpdateSupplier) {
        return addGlobalStore(storeBuilder, sourceName, null, keyDeserializer, valueDeserializer, topic,
                processorName, stateUpdateSupplier);
    }

    /**
     * As {@link #addGlobalStore(StoreBuilder, String, Deserializer, Deserializer, String, String,
     * ProcessorSupplier)}, with a timestamp extractor.
     *
     * @param <KIn>               the key type
     * @param <VIn>               the value type
     * @param storeBuilder        builds the store
     * @param sourceName          the source node's name
     * @param timestampExtractor  the extractor, or null
     * @param keyDeserializer     the key deserializer
     * @param valueDeserializer   the value deserializer
     * @param topic               the topic
     * @param processorName       the processor's name
     * @param stateUpdateSupplier creates the processor
     * @return this topology
     * @throws TopologyException if a name is taken or the topic is already read
     */
    public synchronized <KIn, VIn> Topology addGlobalStore(StoreBuilder<?> storeBuilder, String sourceName,
                                                           TimestampExtractor timestampExtractor,
                                                           Deserializer<KIn> keyDeserializer,
                                                           Deserializer<VIn> valueDeserializer, String topic,
                                                           String processorName,
                                                           ProcessorSupplier<KIn, VIn, Void, Void>
                                                                   stateUpdateSupplier) {
        internalTopologyBuilder.addGlobalStore(sourceName, timestampExtractor, keyDeserializer, valueDeserializer,
                topic, processorName, stateUpdateSupplier, storeBuilder, true);
        return this;
    }

    /**
     * @return the sub-topologies and global stores with their nodes; {@code toString()} prints Kafka's text
     */
    public synchronized TopologyDescription describe() {
        return internalTopologyBuilder.describe();
    }

    @Override
    public String toString() {
        return describe().toString();
    }
}
