package io.runnel.streams.processor.internals;

import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.Topology.AutoOffsetReset;
import io.runnel.streams.TopologyDescription;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.TopicNameExtractor;
import io.runnel.streams.processor.api.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.state.StoreBuilder;
import io.runnel.streams.state.internals.SessionStoreBuilder;
import io.runnel.streams.state.internals.TimestampedWindowStoreBuilder;
import io.runnel.streams.state.internals.WindowStoreBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/*
 * Design: the topology as definitions, compiled into node instances once per task.
 *
 * The builder holds factories, not nodes: a node factory per source, processor and sink, a store factory per state
 * store (the user's StoreBuilder plus the processors using it). Topology (public) and the DSL (streams-dsl) both
 * only add definitions here; the runtime asks for the compiled form:
 *
 *   - nodeGroups(): the sub-topologies. Nodes are united (union-find) with their parents and with every other node
 *     using one of their stores; each connected group that is not a global store's is a sub-topology. Ids are
 *     assigned by walking source nodes sorted by name, then all nodes sorted by name, numbering groups in the order
 *     they are first met: adding a processor does not renumber existing sub-topologies unless it joins two of them.
 *     Global stores get the numbers after the last sub-topology.
 *   - subtopologyTopics(): per sub-topology its source, sink, repartition and changelog topics, with full names.
 *   - buildSubtopology(id) / buildGlobalStateTopology(): fresh processors (supplier.get()) and stores
 *     (builder.build()) for one task, wired parent to child in the order nodes were added.
 *
 * Internal topics are declared without the application id (addInternalTopic("x-repartition")) and decorated at
 * compile time ("<application.id>-x-repartition") once setApplicationId has been called: the same Topology object
 * can be described before the application id is known. Changelogs are "<application.id>-<store>-changelog", or a
 * source topic when a store is declared to reuse it (connectSourceStoreAndTopic, addReadOnlyStateStore).
 *
 * Every add* method validates eagerly and throws TopologyException naming what is wrong, so a mistake surfaces at
 * the line that made it, as in Kafka.
 */
/**
 * Builds a topology from named sources, processors, sinks and stores, and compiles it into sub-topologies and task
 * graphs for the runtime. The internal API the DSL compiles onto (documented in {@code docs/streams.md}); users use
 * {@link io.runnel.streams.Topology}, which delegates here.
 *
 * <p>Names are given by the caller and must be unique among nodes; store names unique among stores. Topic names
 * declared with {@link #addInternalTopic} are prefixed with {@code <application.id>-} wherever sources and sinks
 * use them.
 *
 * <p>Not thread-safe: build the topology on one thread; once the application starts it only reads it.
 */
public class InternalTopologyBuilder {

    private final Map<String, NodeFactory> nodeFactories = new LinkedHashMap<>();
    private final Map<String, StoreFactory> stateFactories = new LinkedHashMap<>();
    private final Map<String, StoreBuilder<?>> globalStateBuilders = new LinkedHashMap<>();
    private final Map<String, Boolean> globalReprocessOnRestore = new HashMap<>();
    private final Set<String> sourceTopicNames = new HashSet<>();
    private final List<Pattern> sourcePatterns = new ArrayList<>();
    private final Map<String, Integer> internalTopics = new LinkedHashMap<>();
    private final Map<String, String> storeToSourceChangelog = new HashMap<>();
    private final List<Set<String>> copartitionSourceGroups = new ArrayList<>();
    private final Set<String> globalTopics = new HashSet<>();
    private final Map<String, AutoOffsetReset> topicResets = new HashMap<>();
    private final Map<Pattern, AutoOffsetReset> patternResets = new LinkedHashMap<>();
    private final Map<String, Integer> generatedNames = new HashMap<>();
    private String applicationId;
    private Map<Integer, Set<String>> nodeGroups;

    /** Creates an empty builder. */
    public InternalTopologyBuilder() {
    }

    // ------------------------------------------------------------------------------------------------ definitions

    /**
     * Adds a source reading named topics.
     *
     * @param offsetReset       where to start when a partition has no committed offset, or null for the consumer's
     *                          {@code auto.offset.reset} (default earliest)
     * @param name              the node name, unique
     * @param timestampExtractor the extractor, or null for {@code default.timestamp.extractor}
     * @param keyDeserializer   the key deserializer, or null for {@code default.key.serde}'s
     * @param valueDeserializer the value deserializer, or null for {@code default.value.serde}'s
     * @param topics            the topics, at least one; a name declared with {@link #addInternalTopic} is decorated
     * @throws TopologyException if the name is taken, no topic is given, or a topic is already read by a source
     */
    public final void addSource(AutoOffsetReset offsetReset, String name, TimestampExtractor timestampExtractor,
                                Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer,
                                String... topics) {
        requireNewNode(name);
        if (topics == null || topics.length == 0) {
            throw new TopologyException("You must provide at least one topic for source " + name);
        }
        for (String topic : topics) {
            Objects.requireNonNull(topic, "topic names cannot be null");
            validateTopicNotRead(topic);
        }
        for (String topic : topics) {
            sourceTopicNames.add(topic);
            if (offsetReset != null) {
                topicResets.put(topic, offsetReset);
            }
        }
        put(new SourceNodeFactory(name, List.of(topics), null, timestampExtractor, keyDeserializer,
                valueDeserializer, false));
    }

    /**
     * Adds a source reading every topic whose name matches a pattern (topics created later included, seen at the
     * next rebalance).
     *
     * @param offsetReset       where to start without a committed offset, or null
     * @param name              the node name, unique
     * @param timestampExtractor the extractor, or null
     * @param keyDeserializer   the key deserializer, or null
     * @param valueDeserializer the value deserializer, or null
     * @param topicPattern      the pattern, matched against whole topic names
     * @throws TopologyException if the name is taken or a named source topic matches the pattern
     */
    public final void addSource(AutoOffsetReset offsetReset, String name, TimestampExtractor timestampExtractor,
                                Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer,
                                Pattern topicPattern) {
        requireNewNode(name);
        Objects.requireNonNull(topicPattern, "topicPattern can't be null");
        for (String topic : sourceTopicNames) {
            if (topicPattern.matcher(topic).matches()) {
                throw new TopologyException("Pattern " + topicPattern + " of source " + name + " matches topic "
                        + topic + ", which another source already reads");
            }
        }
        sourcePatterns.add(topicPattern);
        if (offsetReset != null) {
            patternResets.put(topicPattern, offsetReset);
        }
        put(new SourceNodeFactory(name, null, topicPattern, timestampExtractor, keyDeserializer, valueDeserializer,
                false));
    }

    /**
     * Adds a sink writing to a fixed topic.
     *
     * @param <K>             the key type
     * @param <V>             the value type
     * @param name            the node name, unique
     * @param topic           the topic (decorated if declared internal)
     * @param keySerializer   the key serializer, or null for {@code default.key.serde}'s
     * @param valueSerializer the value serializer, or null for {@code default.value.serde}'s
     * @param partitioner     the partitioner, or null for murmur2 of the key bytes
     * @param predecessorNames the parents, at least one
     * @throws TopologyException if the name is taken or a parent is unknown, a sink or global
     */
    public final <K, V> void addSink(String name, String topic, Serializer<K> keySerializer,
                                     Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner,
                                     String... predecessorNames) {
        Objects.requireNonNull(topic, "topic must not be null");
        requireNewNode(name);
        validatePredecessors(name, predecessorNames);
        put(new SinkNodeFactory<>(name, predecessorNames, topic, null, keySerializer, valueSerializer, partitioner));
    }

    /**
     * Adds a sink whose topic is chosen per record.
     *
     * @param <K>             the key type
     * @param <V>             the value type
     * @param name            the node name, unique
     * @param topicExtractor  chooses the topic
     * @param keySerializer   the key serializer, or null
     * @param valueSerializer the value serializer, or null
     * @param partitioner     the partitioner, or null
     * @param predecessorNames the parents, at least one
     * @throws TopologyException if the name is taken or a parent is unknown, a sink or global
     */
    public final <K, V> void addSink(String name, TopicNameExtractor<K, V> topicExtractor,
                                     Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                     StreamPartitioner<? super K, ? super V> partitioner,
                                     String... predecessorNames) {
        Objects.requireNonNull(topicExtractor, "topic extractor must not be null");
        requireNewNode(name);
        validatePredecessors(name, predecessorNames);
        put(new SinkNodeFactory<>(name, predecessorNames, null, topicExtractor, keySerializer, valueSerializer,
                partitioner));
    }

    /**
     * Adds a processor; the stores its supplier names ({@code stores()}) are added and connected.
     *
     * @param name             the node name, unique
     * @param supplier         creates one processor per task; {@code get()} must return a new instance each call
     * @param predecessorNames the parents, at least one
     * @throws TopologyException if the name is taken, a parent is unknown, a sink or global, or the supplier returns
     *                           the same instance twice
     */
    public final void addProcessor(String name, ProcessorSupplier<?, ?, ?, ?> supplier, String... predecessorNames) {
        Objects.requireNonNull(supplier, "supplier must not be null");
        requireNewNode(name);
        validatePredecessors(name, predecessorNames);
        if (supplier.get() == supplier.get()) {
            throw new TopologyException("ProcessorSupplier of processor " + name + ": #get() must return a new "
                    + "Processor object each time it is called (one per task)");
        }
        put(new ProcessorNodeFactory(name, predecessorNames, supplier, null));
        addConnectedStores(name, supplier.stores());
    }

    /**
     * Adds a processor that cannot change keys (what {@code processValues} compiles to); its supplier's stores are
     * added and connected.
     *
     * @param name             the node name, unique
     * @param supplier         creates one processor per task; a new instance each call
     * @param predecessorNames the parents, at least one
     * @throws TopologyException as {@link #addProcessor}
     */
    public final void addFixedKeyProcessor(String name, FixedKeyProcessorSupplier<?, ?, ?> supplier,
                                           String... predecessorNames) {
        Objects.requireNonNull(supplier, "supplier must not be null");
        requireNewNode(name);
        validatePredecessors(name, predecessorNames);
        if (supplier.get() == supplier.get()) {
            throw new TopologyException("FixedKeyProcessorSupplier of processor " + name + ": #get() must return a"
                    + " new FixedKeyProcessor object each time it is called (one per task)");
        }
        put(new ProcessorNodeFactory(name, predecessorNames, null, supplier));
        addConnectedStores(name, supplier.stores());
    }

    private void addConnectedStores(String processorName, Set<StoreBuilder<?>> stores) {
        if (stores == null) {
            return;
        }
        for (StoreBuilder<?> builder : stores) {
            addStateStore(builder, true, processorName);
        }
    }

    /**
     * Adds a store and connects it to processors.
     *
     * @param storeBuilder   builds one store per task
     * @param processorNames processors to connect it to (more can be connected later)
     * @throws TopologyException if a store of that name exists, or a processor is unknown or not a processor
     */
    public final void addStateStore(StoreBuilder<?> storeBuilder, String... processorNames) {
        addStateStore(storeBuilder, false, processorNames);
    }

    /**
     * Adds a store, or connects an already added one built by the same builder instance.
     *
     * @param storeBuilder   builds one store per task
     * @param allowOverride  true to accept a store already added with the same builder instance (suppliers sharing
     *                       a store)
     * @param processorNames processors to connect it to
     * @throws TopologyException if a different store of that name exists, or a processor is unknown or not a
     *                           processor
     */
    public final void addStateStore(StoreBuilder<?> storeBuilder, boolean allowOverride, String... processorNames) {
        Objects.requireNonNull(storeBuilder, "storeBuilder can't be null");
        String storeName = storeBuilder.name();
        StoreFactory existing = stateFactories.get(storeName);
        if (existing != null) {
            if (!allowOverride || existing.builder != storeBuilder) {
                throw new TopologyException("A different StateStore has already been added with the name "
                        + storeName);
            }
        } else if (globalStateBuilders.containsKey(storeName)) {
            throw new TopologyException("A global StateStore has already been added with the name " + storeName);
        } else {
            stateFactories.put(storeName, new StoreFactory(storeBuilder));
        }
        if (processorNames != null) {
            for (String processorName : processorNames) {
                connectProcessorAndStateStore(processorName, storeName);
            }
        }
        nodeGroups = null;
    }

    /**
     * Connects stores already added to a processor.
     *
     * @param processorName a processor
     * @param stateStoreNames stores added with {@link #addStateStore}
     * @throws TopologyException if the processor or a store is unknown
     */
    public final void connectProcessorAndStateStores(String processorName, String... stateStoreNames) {
        Objects.requireNonNull(processorName, "processorName can't be null");
        if (stateStoreNames == null || stateStoreNames.length == 0) {
            throw new TopologyException("Must provide at least one state store name for processor " + processorName);
        }
        for (String store : stateStoreNames) {
            connectProcessorAndStateStore(processorName, store);
        }
        nodeGroups = null;
    }

    private void connectProcessorAndStateStore(String processorName, String storeName) {
        StoreFactory store = stateFactories.get(storeName);
        if (store == null) {
            if (globalStateBuilders.containsKey(storeName)) {
                throw new TopologyException("Global store " + storeName + " cannot be connected to processor "
                        + processorName + ": every processor can read global stores without connecting them");
            }
            throw new TopologyException("StateStore " + storeName + " is not added yet.");
        }
        NodeFactory node = nodeFactories.get(processorName);
        if (node == null) {
            throw new TopologyException("Processor " + processorName + " is not added yet.");
        }
        if (!(node instanceof ProcessorNodeFactory pnf) || pnf.global) {
            throw new TopologyException("Cannot connect state store " + storeName + " to " + processorName
                    + ": it is a source, a sink or a global node, not a processor");
        }
        store.users.add(processorName);
        pnf.stateStoreNames.add(storeName);
    }

    /**
     * Adds a global store: every instance holds all of it, filled from all partitions of {@code topic} before
     * processing starts and kept up to date by the global stream thread through {@code stateUpdateSupplier}'s
     * processor. Logging is disabled on the store (the topic is its changelog).
     *
     * @param sourceName          the name of the source node reading the topic
     * @param timestampExtractor  the extractor, or null
     * @param keyDeserializer     the key deserializer, or null
     * @param valueDeserializer   the value deserializer, or null
     * @param topic               the topic
     * @param processorName       the name of the processor updating the store
     * @param stateUpdateSupplier creates the processor
     * @param storeBuilder        builds the store
     * @param reprocessOnRestore  true to bootstrap by running the records through the processor (a processor that
     *                            transforms them); false to load the topic's bytes into the store as they are
     * @throws TopologyException if a name is taken or the topic is already read
     */
    public final void addGlobalStore(String sourceName, TimestampExtractor timestampExtractor,
                                     Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer, String topic,
                                     String processorName, ProcessorSupplier<?, ?, Void, Void> stateUpdateSupplier,
                                     StoreBuilder<?> storeBuilder, boolean reprocessOnRestore) {
        Objects.requireNonNull(storeBuilder, "store builder must not be null");
        Objects.requireNonNull(stateUpdateSupplier, "supplier must not be null");
        Objects.requireNonNull(topic, "topic must not be null");
        requireNewNode(sourceName);
        requireNewNode(processorName);
        if (sourceName.equals(processorName)) {
            throw new TopologyException("sourceName and processorName must be different: " + sourceName);
        }
        validateTopicNotRead(topic);
        String storeName = storeBuilder.name();
        if (stateFactories.containsKey(storeName) || globalStateBuilders.containsKey(storeName)) {
            throw new TopologyException("A different StateStore has already been added with the name " + storeName);
        }
        if (stateUpdateSupplier.get() == stateUpdateSupplier.get()) {
            throw new TopologyException("ProcessorSupplier of global processor " + processorName + ": #get() must "
                    + "return a new Processor object each time it is called");
        }
        storeBuilder.withLoggingDisabled();
        sourceTopicNames.add(topic);
        globalTopics.add(topic);
        put(new SourceNodeFactory(sourceName, List.of(topic), null, timestampExtractor, keyDeserializer,
                valueDeserializer, true));
        ProcessorNodeFactory processor = new ProcessorNodeFactory(processorName, new String[] {sourceName},
                stateUpdateSupplier, null);
        processor.global = true;
        processor.stateStoreNames.add(storeName);
        put(processor);
        globalStateBuilders.put(storeName, storeBuilder);
        globalReprocessOnRestore.put(storeName, reprocessOnRestore);
    }

    /**
     * Declares that a store's changelog is one of the topology's source topics (a table read from a topic needs no
     * second copy): the store is restored from that topic up to the committed offset, and gets no changelog topic.
     *
     * @param storeName a store added with {@link #addStateStore}
     * @param topic     a source topic of the same sub-topology
     * @throws TopologyException if the store is unknown or the topic is not a source topic
     */
    public final void connectSourceStoreAndTopic(String storeName, String topic) {
        if (!stateFactories.containsKey(storeName)) {
            throw new TopologyException("StateStore " + storeName + " is not added yet.");
        }
        if (!sourceTopicNames.contains(topic)) {
            throw new TopologyException("Topic " + topic + " is not a source topic; only a source topic can serve as"
                    + " the changelog of store " + storeName);
        }
        if (storeToSourceChangelog.containsKey(storeName)) {
            throw new TopologyException("Source store " + storeName + " is already added.");
        }
        storeToSourceChangelog.put(storeName, topic);
    }

    /**
     * Declares an internal topic (a repartition topic) that sources and sinks may name; the runtime creates it as
     * {@code <application.id>-<topicName>} before starting. By convention the DSL ends repartition topic names with
     * {@code -repartition}.
     *
     * @param topicName          the name without the application id
     * @param numberOfPartitions the partition count, or null to inherit the largest partition count of the source
     *                           topics of the sub-topology writing it (or of its co-partition group)
     * @throws TopologyException if the count is not positive
     */
    public final void addInternalTopic(String topicName, Integer numberOfPartitions) {
        Objects.requireNonNull(topicName, "topicName can't be null");
        if (numberOfPartitions != null && numberOfPartitions < 1) {
            throw new TopologyException("Internal topic " + topicName + " needs at least one partition, got "
                    + numberOfPartitions);
        }
        internalTopics.put(topicName, numberOfPartitions);
    }

    /**
     * Declares sources whose topics must be co-partitioned (same partition count; records with equal keys in equal
     * partitions): a join or merge by key. Checked before the application starts.
     *
     * @param sourceNodes names of source nodes
     * @throws TopologyException if a name is not a source
     */
    public final void copartitionSources(Collection<String> sourceNodes) {
        for (String s : sourceNodes) {
            if (!(nodeFactories.get(s) instanceof SourceNodeFactory)) {
                throw new TopologyException("Cannot co-partition " + s + ": it is not a source node");
            }
        }
        copartitionSourceGroups.add(Collections.unmodifiableSet(new LinkedHashSet<>(sourceNodes)));
    }

    /**
     * Generates a name for an operator, store or internal topic the user did not name, by Runnel's stable scheme
     * (see {@code docs/streams.md}, "Stable internal names"): {@code <prefix>-<hash>} where {@code hash} is 8 hex
     * digits of the SHA-256 of {@code anchor}, followed by {@code -<n>} for the n-th (n &ge; 1) earlier request with
     * the same prefix and anchor. The caller chooses an anchor that does not change when unrelated operators are
     * added: the DSL uses the source topics and the names of the stateful or user-named operators upstream, so
     * inserting a stateless operator upstream keeps every generated store and repartition topic name.
     *
     * @param prefix the kind, in Kafka's style ({@code KSTREAM-AGGREGATE-STATE-STORE})
     * @param anchor what identifies the operator's place independently of its position
     * @return the name, unique among this builder's generated names
     */
    public final String stableName(String prefix, String anchor) {
        String base = prefix + "-" + sha256Prefix(anchor);
        int n = generatedNames.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "-" + n;
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Sets the application id used to decorate internal topic names. Called by the runtime before it compiles.
     *
     * @param applicationId the {@code application.id}
     * @return this
     */
    public final InternalTopologyBuilder setApplicationId(String applicationId) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        return this;
    }

    /** @return the application id set by the runtime, or null */
    public final String applicationId() {
        return applicationId;
    }

    // ------------------------------------------------------------------------------------------------ validation

    private void requireNewNode(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isEmpty()) {
            throw new TopologyException("Node names must not be empty");
        }
        if (nodeFactories.containsKey(name)) {
            throw new TopologyException("Processor " + name + " is already added.");
        }
    }

    private void validateTopicNotRead(String topic) {
        if (sourceTopicNames.contains(topic)) {
            throw new TopologyException("Topic " + topic + " has already been registered by another source.");
        }
        for (Pattern pattern : sourcePatterns) {
            if (pattern.matcher(topic).matches()) {
                throw new TopologyException("Topic " + topic + " matches pattern " + pattern + " of another source.");
            }
        }
    }

    private void validatePredecessors(String name, String[] predecessorNames) {
        if (predecessorNames == null || predecessorNames.length == 0) {
            throw new TopologyException("Processor " + name + " must have at least one parent");
        }
        for (String parent : predecessorNames) {
            Objects.requireNonNull(parent, "predecessor name must not be null");
            if (parent.equals(name)) {
                throw new TopologyException("Processor " + name + " cannot be a predecessor of itself.");
            }
            NodeFactory node = nodeFactories.get(parent);
            if (node == null) {
                throw new TopologyException("Predecessor processor " + parent + " is not added yet for " + name);
            }
            if (node instanceof SinkNodeFactory<?, ?>) {
                throw new TopologyException("Sink " + parent + " cannot be a predecessor of " + name
                        + ": sinks have no children");
            }
            if (node.isGlobal()) {
                throw new TopologyException("Global node " + parent + " cannot be a predecessor of " + name
                        + ": a global store's source and processor only update the store");
            }
        }
    }

    private void put(NodeFactory factory) {
        nodeFactories.put(factory.name, factory);
        nodeGroups = null;
    }

    /**
     * Checks what can only be checked once the topology is complete.
     *
     * @throws TopologyException if a store is connected to no processor, or the topology has no sources
     */
    public final void validate() {
        for (Map.Entry<String, StoreFactory> e : stateFactories.entrySet()) {
            if (e.getValue().users.isEmpty()) {
                throw new TopologyException("StateStore " + e.getKey() + " is not connected to any processor;"
                        + " connect it with connectProcessorAndStateStores or remove it");
            }
        }
        if (nodeFactories.isEmpty()) {
            throw new TopologyException("Topology has no nodes: add a source (or a global store) first");
        }
        for (Set<String> group : copartitionSourceGroups) {
            for (String s : group) {
                if (!nodeFactories.containsKey(s)) {
                    throw new TopologyException("Co-partitioned source " + s + " does not exist");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ compiled form

    /**
     * @return the sub-topologies (not global stores): id to node names, ids from 0
     */
    public final synchronized Map<Integer, Set<String>> nodeGroups() {
        if (nodeGroups == null) {
            nodeGroups = Collections.unmodifiableMap(makeNodeGroups(false));
        }
        return nodeGroups;
    }

    private Map<Integer, Set<String>> makeNodeGroups(boolean includeGlobal) {
        Map<String, String> parent = new HashMap<>();
        for (String node : nodeFactories.keySet()) {
            parent.put(node, node);
        }
        for (NodeFactory node : nodeFactories.values()) {
            for (String p : node.predecessors) {
                union(parent, node.name, p);
            }
        }
        for (StoreFactory store : stateFactories.values()) {
            String first = null;
            for (String user : store.users) {
                if (first == null) {
                    first = user;
                } else {
                    union(parent, first, user);
                }
            }
        }
        // nodes in the order they were added, which is topological (parents before children)
        List<String> order = new ArrayList<>(nodeFactories.keySet());
        Map<String, Integer> rootToId = new HashMap<>();
        Map<Integer, Set<String>> groups = new TreeMap<>();
        int nextId = 0;
        List<String> globalOrder = new ArrayList<>();
        for (String node : order) {
            if (nodeFactories.get(node).isGlobal()) {
                if (!globalOrder.contains(node)) {
                    globalOrder.add(node);
                }
                continue;
            }
            String root = find(parent, node);
            Integer id = rootToId.get(root);
            if (id == null) {
                id = nextId++;
                rootToId.put(root, id);
            }
            groups.computeIfAbsent(id, k -> new TreeSet<>()).add(node);
        }
        if (includeGlobal) {
            for (String node : globalOrder) {
                String root = find(parent, node);
                Integer id = rootToId.get(root);
                if (id == null) {
                    id = nextId++;
                    rootToId.put(root, id);
                }
                groups.computeIfAbsent(id, k -> new TreeSet<>()).add(node);
            }
        }
        return groups;
    }

    private static String find(Map<String, String> parent, String node) {
        String root = node;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String n = node;
        while (!n.equals(root)) {
            String next = parent.get(n);
            parent.put(n, root);
            n = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }

    private String requireApplicationId() {
        if (applicationId == null) {
            throw new IllegalStateException("The application id has not been set: the runtime calls setApplicationId"
                    + " before compiling the topology");
        }
        return applicationId;
    }

    /**
     * @param topic a topic name as given to a source or sink
     * @return the full name: {@code <application.id>-<topic>} if it was declared internal, else unchanged
     */
    public final String decorateTopic(String topic) {
        return internalTopics.containsKey(topic) ? requireApplicationId() + "-" + topic : topic;
    }

    /**
     * @param storeName a store name
     * @return its changelog topic, {@code <application.id>-<store>-changelog}, or the source topic it reuses; null if
     *         the store is not logged
     */
    public final String changelogTopic(String storeName) {
        String source = storeToSourceChangelog.get(storeName);
        if (source != null) {
            return decorateTopic(source);
        }
        StoreFactory store = stateFactories.get(storeName);
        if (store == null || !store.builder.loggingEnabled()) {
            return null;
        }
        return changelogTopicName(requireApplicationId(), storeName);
    }

    /**
     * @param applicationId the {@code application.id}
     * @param storeName     a store name
     * @return {@code <application.id>-<store>-changelog}
     */
    public static String changelogTopicName(String applicationId, String storeName) {
        return applicationId + "-" + storeName + "-changelog";
    }

    /** @return every sub-topology's topics, with full names */
    public final Map<Integer, TopicsInfo> subtopologyTopics() {
        Map<Integer, TopicsInfo> result = new TreeMap<>();
        for (Map.Entry<Integer, Set<String>> group : nodeGroups().entrySet()) {
            Set<String> sinks = new LinkedHashSet<>();
            Set<String> sources = new LinkedHashSet<>();
            Map<String, InternalTopicConfig> repartition = new LinkedHashMap<>();
            Map<String, InternalTopicConfig> changelogs = new LinkedHashMap<>();
            for (String nodeName : group.getValue()) {
                NodeFactory node = nodeFactories.get(nodeName);
                if (node instanceof SourceNodeFactory src && src.topics != null) {
                    for (String topic : src.topics) {
                        String full = decorateTopic(topic);
                        sources.add(full);
                        if (internalTopics.containsKey(topic)) {
                            repartition.put(full, new InternalTopicConfig(full, InternalTopicConfig.Type.REPARTITION,
                                    internalTopics.get(topic), REPARTITION_TOPIC_DEFAULTS));
                        }
                    }
                } else if (node instanceof SinkNodeFactory<?, ?> sink && sink.topic != null) {
                    sinks.add(decorateTopic(sink.topic));
                } else if (node instanceof ProcessorNodeFactory processor) {
                    for (String store : processor.stateStoreNames) {
                        String changelog = changelogTopic(store);
                        if (changelog != null && !storeToSourceChangelog.containsKey(store)) {
                            changelogs.put(changelog, new InternalTopicConfig(changelog,
                                    InternalTopicConfig.Type.CHANGELOG, null,
                                    changelogTopicConfig(stateFactories.get(store).builder)));
                        }
                    }
                }
            }
            result.put(group.getKey(), new TopicsInfo(sinks, sources, repartition, changelogs));
        }
        return result;
    }

    /** Topic settings of repartition topics, as Kafka sets them. */
    static final Map<String, String> REPARTITION_TOPIC_DEFAULTS = Map.of("cleanup.policy", "delete",
            "retention.ms", "-1", "segment.bytes", String.valueOf(50L * 1024 * 1024));

    private static final long WINDOW_CHANGELOG_ADDITIONAL_RETENTION_MS = 24L * 60 * 60 * 1000;

    private static Map<String, String> changelogTopicConfig(StoreBuilder<?> builder) {
        Map<String, String> config = new HashMap<>();
        Long retention = null;
        if (builder instanceof WindowStoreBuilder<?, ?> w) {
            retention = w.retentionPeriod();
        } else if (builder instanceof TimestampedWindowStoreBuilder<?, ?> w) {
            retention = w.retentionPeriod();
        } else if (builder instanceof SessionStoreBuilder<?, ?> s) {
            retention = s.retentionPeriod();
        }
        if (retention != null) {
            config.put("cleanup.policy", "compact,delete");
            config.put("retention.ms", String.valueOf(retention + WINDOW_CHANGELOG_ADDITIONAL_RETENTION_MS));
        } else {
            config.put("cleanup.policy", "compact");
        }
        config.putAll(builder.logConfig());
        return config;
    }

    /** @return the declared internal topics (full names) with their fixed partition counts (null: inherited) */
    public final Map<String, Integer> internalTopics() {
        Map<String, Integer> result = new LinkedHashMap<>();
        internalTopics.forEach((name, count) -> result.put(decorateTopic(name), count));
        return result;
    }

    /** @return the co-partition groups, as sets of full topic names */
    public final List<Set<String>> copartitionGroups() {
        List<Set<String>> result = new ArrayList<>();
        for (Set<String> group : copartitionSourceGroups) {
            Set<String> topics = new TreeSet<>();
            for (String source : group) {
                SourceNodeFactory src = (SourceNodeFactory) nodeFactories.get(source);
                if (src.topics != null) {
                    for (String t : src.topics) {
                        topics.add(decorateTopic(t));
                    }
                }
            }
            result.add(topics);
        }
        return result;
    }

    /** @return every topic read by name by a non-global source, full names */
    public final Set<String> sourceTopics() {
        Set<String> result = new TreeSet<>();
        for (NodeFactory n : nodeFactories.values()) {
            if (n instanceof SourceNodeFactory src && !src.global && src.topics != null) {
                src.topics.forEach(t -> result.add(decorateTopic(t)));
            }
        }
        return result;
    }

    /** @return the patterns of pattern sources (empty if none) */
    public final List<Pattern> sourcePatterns() {
        return List.copyOf(sourcePatterns);
    }

    /** @return the topics of global stores */
    public final Set<String> globalTopics() {
        return Collections.unmodifiableSet(globalTopics);
    }

    /** @return true if the topology has global stores */
    public final boolean hasGlobalStores() {
        return !globalStateBuilders.isEmpty();
    }

    /** @return true if the topology has non-global nodes (so stream threads have work) */
    public final boolean hasNonGlobalNodes() {
        return !nodeGroups().isEmpty();
    }

    /**
     * @param topic a full input topic name
     * @return the sub-topology reading it (by name or pattern), or -1
     */
    public final int subtopologyForTopic(String topic) {
        for (Map.Entry<Integer, Set<String>> group : nodeGroups().entrySet()) {
            for (String nodeName : group.getValue()) {
                if (nodeFactories.get(nodeName) instanceof SourceNodeFactory src && src.matches(topic, this)) {
                    return group.getKey();
                }
            }
        }
        return -1;
    }

    /**
     * @param subtopology a sub-topology id
     * @return true if it has stores
     */
    public final boolean isStateful(int subtopology) {
        for (String node : nodeGroups().getOrDefault(subtopology, Set.of())) {
            if (nodeFactories.get(node) instanceof ProcessorNodeFactory p && !p.stateStoreNames.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param subtopology a sub-topology id
     * @return the names of its stores
     */
    public final Set<String> storesOf(int subtopology) {
        Set<String> stores = new TreeSet<>();
        for (String node : nodeGroups().getOrDefault(subtopology, Set.of())) {
            if (nodeFactories.get(node) instanceof ProcessorNodeFactory p) {
                stores.addAll(p.stateStoreNames);
            }
        }
        return stores;
    }

    /** @return the names of every non-global store */
    public final Set<String> stateStoreNames() {
        return Collections.unmodifiableSet(stateFactories.keySet());
    }

    /** @return the names of every global store */
    public final Set<String> globalStateStoreNames() {
        return Collections.unmodifiableSet(globalStateBuilders.keySet());
    }

    /**
     * @param topic a full input topic name
     * @return its source's reset policy, or null for the consumer default
     */
    public final AutoOffsetReset offsetResetFor(String topic) {
        for (Map.Entry<String, AutoOffsetReset> e : topicResets.entrySet()) {
            if (decorateTopic(e.getKey()).equals(topic)) {
                return e.getValue();
            }
        }
        for (Map.Entry<Pattern, AutoOffsetReset> e : patternResets.entrySet()) {
            if (e.getKey().matcher(topic).matches()) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Builds fresh nodes and stores for one task of a sub-topology.
     *
     * @param subtopology the sub-topology id
     * @return the task's graph
     * @throws IllegalArgumentException if there is no such sub-topology
     */
    public final ProcessorTopology buildSubtopology(int subtopology) {
        Set<String> group = nodeGroups().get(subtopology);
        if (group == null) {
            throw new IllegalArgumentException("No sub-topology " + subtopology + "; the topology has "
                    + nodeGroups().keySet());
        }
        return build(group, false);
    }

    /** @return fresh nodes and stores of the global stores, or null if there are none */
    public final ProcessorTopology buildGlobalStateTopology() {
        if (globalStateBuilders.isEmpty()) {
            return null;
        }
        Set<String> globalNodes = new HashSet<>();
        for (NodeFactory n : nodeFactories.values()) {
            if (n.isGlobal()) {
                globalNodes.add(n.name);
            }
        }
        return build(globalNodes, true);
    }

    /**
     * @param storeName a global store
     * @return true if its bootstrap runs the records through its processor
     */
    public final boolean reprocessOnRestore(String storeName) {
        return globalReprocessOnRestore.getOrDefault(storeName, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // wiring nodes of user types: parents and children agree by contract
    private ProcessorTopology build(Set<String> nodeNames, boolean global) {
        Map<String, ProcessorNode<?, ?, ?, ?>> built = new LinkedHashMap<>();
        Map<String, SourceNode<?, ?>> sourcesByTopic = new HashMap<>();
        List<ProcessorTopology.PatternSource> patternSources = new ArrayList<>();
        Map<String, StateStore> stores = new LinkedHashMap<>();
        Map<String, StoreBuilder<?>> builders = new HashMap<>();
        Map<String, String> changelogs = new HashMap<>();
        Set<String> sourceChangelogStores = new HashSet<>();
        Set<String> repartitionTopics = new HashSet<>();
        for (NodeFactory factory : nodeFactories.values()) {
            if (!nodeNames.contains(factory.name)) {
                continue;
            }
            ProcessorNode<?, ?, ?, ?> node = factory.build(this);
            built.put(factory.name, node);
            for (String p : factory.predecessors) {
                ((ProcessorNode) built.get(p)).addChild(node);
            }
            if (factory instanceof SourceNodeFactory src) {
                if (src.topics != null) {
                    for (String t : src.topics) {
                        sourcesByTopic.put(decorateTopic(t), (SourceNode<?, ?>) node);
                        if (internalTopics.containsKey(t)) {
                            repartitionTopics.add(decorateTopic(t));
                        }
                    }
                } else {
                    patternSources.add(new ProcessorTopology.PatternSource(src.pattern, (SourceNode<?, ?>) node));
                }
            } else if (factory instanceof ProcessorNodeFactory pnf) {
                for (String storeName : pnf.stateStoreNames) {
                    if (stores.containsKey(storeName)) {
                        continue;
                    }
                    StoreBuilder<?> builder = global ? globalStateBuilders.get(storeName)
                            : stateFactories.get(storeName).builder;
                    stores.put(storeName, builder.build());
                    builders.put(storeName, builder);
                    if (!global) {
                        String changelog = changelogTopic(storeName);
                        if (changelog != null) {
                            changelogs.put(storeName, changelog);
                        }
                        if (storeToSourceChangelog.containsKey(storeName)) {
                            sourceChangelogStores.add(storeName);
                        }
                    }
                }
            }
        }
        return new ProcessorTopology(new ArrayList<>(built.values()), sourcesByTopic, patternSources, stores,
                builders, changelogs, sourceChangelogStores, repartitionTopics);
    }

    /**
     * @return the description {@link io.runnel.streams.Topology#describe()} returns: sub-topologies and global
     *         stores with their nodes (internal topic names undecorated unless the application id is set)
     */
    public final TopologyDescription describe() {
        Map<Integer, Set<String>> groups = makeNodeGroups(true);
        Map<String, TopologyDescriptionImpl.AbstractNode> described = new LinkedHashMap<>();
        for (NodeFactory factory : nodeFactories.values()) {
            described.put(factory.name, factory.describe(this));
        }
        for (NodeFactory factory : nodeFactories.values()) {
            TopologyDescriptionImpl.AbstractNode node = described.get(factory.name);
            for (String p : factory.predecessors) {
                TopologyDescriptionImpl.AbstractNode parentNode = described.get(p);
                node.predecessors.add(parentNode);
                parentNode.successors.add(node);
            }
        }
        List<TopologyDescription.Subtopology> subtopologies = new ArrayList<>();
        List<TopologyDescription.GlobalStore> globalStores = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> group : groups.entrySet()) {
            boolean isGlobal = group.getValue().stream().anyMatch(n -> nodeFactories.get(n).isGlobal());
            if (isGlobal) {
                TopologyDescription.Source source = null;
                TopologyDescription.Processor processor = null;
                for (String n : group.getValue()) {
                    TopologyDescriptionImpl.AbstractNode d = described.get(n);
                    if (d instanceof TopologyDescription.Source s) {
                        source = s;
                    } else if (d instanceof TopologyDescription.Processor p) {
                        processor = p;
                    }
                }
                globalStores.add(new TopologyDescriptionImpl.GlobalStoreImpl(source, processor, group.getKey()));
            } else {
                Set<TopologyDescription.Node> nodes = new HashSet<>();
                group.getValue().forEach(n -> nodes.add(described.get(n)));
                subtopologies.add(new TopologyDescriptionImpl.SubtopologyImpl(group.getKey(), nodes));
            }
        }
        return new TopologyDescriptionImpl(subtopologies, globalStores);
    }

    private String describeTopic(String topic) {
        return applicationId != null ? decorateTopic(topic) : topic;
    }

    /**
     * @return the names a deployed application keeps state under: stores and internal topics (undecorated),
     *         sorted; see {@link io.runnel.streams.TopologyFingerprint}
     */
    public final Map<String, Set<String>> internalNames() {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        Set<String> stores = new TreeSet<>();
        Set<String> changelogs = new TreeSet<>();
        for (Map.Entry<String, StoreFactory> e : stateFactories.entrySet()) {
            stores.add(e.getKey());
            String source = storeToSourceChangelog.get(e.getKey());
            if (source != null) {
                changelogs.add(e.getKey() + " <- " + source);
            } else if (e.getValue().builder.loggingEnabled()) {
                changelogs.add(e.getKey() + "-changelog");
            }
        }
        names.put("store", stores);
        names.put("changelog", changelogs);
        names.put("repartition", new TreeSet<>(internalTopics.keySet()));
        names.put("global-store", new TreeSet<>(globalStateBuilders.keySet()));
        return names;
    }

    // ------------------------------------------------------------------------------------------------ factories

    private abstract static class NodeFactory {
        final String name;
        final String[] predecessors;

        NodeFactory(String name, String[] predecessors) {
            this.name = name;
            this.predecessors = predecessors.clone();
        }

        boolean isGlobal() {
            return false;
        }

        abstract ProcessorNode<?, ?, ?, ?> build(InternalTopologyBuilder builder);

        abstract TopologyDescriptionImpl.AbstractNode describe(InternalTopologyBuilder builder);
    }

    private static final class SourceNodeFactory extends NodeFactory {
        final List<String> topics;
        final Pattern pattern;
        final TimestampExtractor extractor;
        final Deserializer<?> keyDeserializer;
        final Deserializer<?> valueDeserializer;
        final boolean global;

        SourceNodeFactory(String name, List<String> topics, Pattern pattern, TimestampExtractor extractor,
                          Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer, boolean global) {
            super(name, new String[0]);
            this.topics = topics == null ? null : List.copyOf(topics);
            this.pattern = pattern;
            this.extractor = extractor;
            this.keyDeserializer = keyDeserializer;
            this.valueDeserializer = valueDeserializer;
            this.global = global;
        }

        @Override
        boolean isGlobal() {
            return global;
        }

        boolean matches(String fullTopic, InternalTopologyBuilder builder) {
            if (topics != null) {
                for (String t : topics) {
                    if (builder.decorateTopic(t).equals(fullTopic)) {
                        return true;
                    }
                }
                return false;
            }
            return pattern.matcher(fullTopic).matches();
        }

        @SuppressWarnings({"unchecked", "rawtypes"}) // the deserializers' types are the source's, as the user gave them
        @Override
        ProcessorNode<?, ?, ?, ?> build(InternalTopologyBuilder builder) {
            return new SourceNode(name, extractor, keyDeserializer, valueDeserializer);
        }

        @Override
        TopologyDescriptionImpl.AbstractNode describe(InternalTopologyBuilder builder) {
            Set<String> described = null;
            if (topics != null) {
                described = new LinkedHashSet<>();
                for (String t : topics) {
                    described.add(builder.describeTopic(t));
                }
            }
            return new TopologyDescriptionImpl.SourceImpl(name, described, pattern);
        }
    }

    private static final class ProcessorNodeFactory extends NodeFactory {
        final ProcessorSupplier<?, ?, ?, ?> supplier;
        final FixedKeyProcessorSupplier<?, ?, ?> fixedKeySupplier;
        final Set<String> stateStoreNames = new LinkedHashSet<>();
        boolean global;

        ProcessorNodeFactory(String name, String[] predecessors, ProcessorSupplier<?, ?, ?, ?> supplier,
                             FixedKeyProcessorSupplier<?, ?, ?> fixedKeySupplier) {
            super(name, predecessors);
            this.supplier = supplier;
            this.fixedKeySupplier = fixedKeySupplier;
        }

        @Override
        boolean isGlobal() {
            return global;
        }

        @SuppressWarnings({"unchecked", "rawtypes"}) // the supplier's types are the node's
        @Override
        ProcessorNode<?, ?, ?, ?> build(InternalTopologyBuilder builder) {
            if (supplier != null) {
                return new ProcessorNode(name, supplier.get(), null, stateStoreNames);
            }
            return new ProcessorNode(name, null, fixedKeySupplier.get(), stateStoreNames);
        }

        @Override
        TopologyDescriptionImpl.AbstractNode describe(InternalTopologyBuilder builder) {
            return new TopologyDescriptionImpl.ProcessorImpl(name, stateStoreNames);
        }
    }

    private static final class SinkNodeFactory<K, V> extends NodeFactory {
        final String topic;
        final TopicNameExtractor<K, V> extractor;
        final Serializer<K> keySerializer;
        final Serializer<V> valueSerializer;
        final StreamPartitioner<? super K, ? super V> partitioner;

        SinkNodeFactory(String name, String[] predecessors, String topic, TopicNameExtractor<K, V> extractor,
                        Serializer<K> keySerializer, Serializer<V> valueSerializer,
                        StreamPartitioner<? super K, ? super V> partitioner) {
            super(name, predecessors);
            this.topic = topic;
            this.extractor = extractor;
            this.keySerializer = keySerializer;
            this.valueSerializer = valueSerializer;
            this.partitioner = partitioner;
        }

        @Override
        ProcessorNode<?, ?, ?, ?> build(InternalTopologyBuilder builder) {
            TopicNameExtractor<K, V> topicExtractor = extractor;
            if (topicExtractor != null) {
                TopicNameExtractor<K, V> user = extractor;
                // a dynamic topic that names a declared internal topic is decorated too
                topicExtractor = (k, v, ctx) -> {
                    String t = user.extract(k, v, ctx);
                    return t == null ? null : builder.decorateTopic(t);
                };
            }
            return new SinkNode<>(name, topic == null ? null : builder.decorateTopic(topic), topicExtractor,
                    keySerializer, valueSerializer, partitioner);
        }

        @Override
        TopologyDescriptionImpl.AbstractNode describe(InternalTopologyBuilder builder) {
            return new TopologyDescriptionImpl.SinkImpl(name, topic == null ? null : builder.describeTopic(topic),
                    extractor);
        }
    }

    private static final class StoreFactory {
        final StoreBuilder<?> builder;
        final Set<String> users = new LinkedHashSet<>();

        StoreFactory(StoreBuilder<?> builder) {
            this.builder = builder;
        }
    }

    @Override
    public String toString() {
        return "InternalTopologyBuilder" + Arrays.toString(nodeFactories.keySet().toArray());
    }
}
