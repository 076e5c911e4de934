package io.runnel.streams.processor.internals;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.admin.TopicDescription;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.streams.errors.MissingSourceTopicException;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.errors.TopologyException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/*
 * Design: internal topics are made ready before any stream thread starts.
 *
 * 1. Partition counts of the external source topics come from the log (missing ones fail with
 *    MissingSourceTopicException). Topics matching pattern sources count as sources of their sub-topology.
 * 2. A repartition topic without a fixed count takes the largest count among the source topics of the
 *    sub-topologies writing it; repeated until nothing changes, since a repartition topic can be written by a
 *    sub-topology that itself reads one (Kafka's rule).
 * 3. Co-partition groups (joins, merges by key): all fixed counts in a group must be equal, else TopologyException
 *    naming every topic with its count; repartition topics without a fixed count take the group's count.
 * 4. Each sub-topology has as many tasks as its largest source topic has partitions; its changelogs get that many
 *    partitions.
 * 5. Missing internal topics are created (changelogs compacted, repartition topics with unlimited retention, both
 *    with the "topic." settings); existing ones must have the expected partition count.
 *
 * Several instances starting together may race to create a topic: TopicExistsException is fine, the count is then
 * checked.
 */
/**
 * Resolves partition counts, checks co-partitioning and creates the internal topics of a topology.
 */
public final class InternalTopicManager {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InternalTopicManager.class);

    /**
     * The resolved layout.
     *
     * @param topicPartitions    partition count of every source and internal topic
     * @param tasksPerSubtopology task count of every sub-topology
     * @param internalTopics      every internal topic to create, with its resolved count
     */
    public record Layout(Map<String, Integer> topicPartitions, Map<Integer, Integer> tasksPerSubtopology,
                         Map<String, InternalTopicConfig> internalTopics) {
    }

    private InternalTopicManager() {
    }

    /**
     * Resolves the partition counts of a topology (steps 1 to 4 above) without creating anything.
     *
     * @param builder          the topology (application id set)
     * @param externalTopics   partition counts of the topics that exist in the log (any topic; the source topics and
     *                         the topics matching source patterns are used)
     * @return the layout
     * @throws MissingSourceTopicException if a source topic does not exist
     * @throws TopologyException           if co-partitioned topics have different partition counts, or a repartition
     *                                     topic's count cannot be determined
     */
    public static Layout resolve(InternalTopologyBuilder builder, Map<String, Integer> externalTopics) {
        Map<Integer, TopicsInfo> subtopologies = builder.subtopologyTopics();
        Map<String, Integer> internal = builder.internalTopics();
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> missing = new TreeSet<>();
        Map<Integer, Set<String>> sourcesBySubtopology = new TreeMap<>();
        for (Map.Entry<Integer, TopicsInfo> e : subtopologies.entrySet()) {
            Set<String> sources = new TreeSet<>(e.getValue().sourceTopics());
            sourcesBySubtopology.put(e.getKey(), sources);
            for (String topic : e.getValue().sourceTopics()) {
                if (internal.containsKey(topic)) {
                    if (internal.get(topic) != null) {
                        counts.put(topic, internal.get(topic));
                    }
                } else if (externalTopics.containsKey(topic)) {
                    counts.put(topic, externalTopics.get(topic));
                } else {
                    missing.add(topic);
                }
            }
        }
        for (Pattern pattern : builder.sourcePatterns()) {
            for (Map.Entry<String, Integer> t : externalTopics.entrySet()) {
                if (pattern.matcher(t.getKey()).matches() && !builder.globalTopics().contains(t.getKey())) {
                    int sub = builder.subtopologyForTopic(t.getKey());
                    if (sub >= 0) {
                        sourcesBySubtopology.get(sub).add(t.getKey());
                        counts.put(t.getKey(), t.getValue());
                    }
                }
            }
        }
        for (String g : builder.globalTopics()) {
            if (!externalTopics.containsKey(g)) {
                missing.add(g);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSourceTopicException("Source topics " + missing + " do not exist; create them before"
                    + " starting the application");
        }

        resolveRepartitionCounts(subtopologies, sourcesBySubtopology, internal, counts);
        enforceCopartitioning(builder.copartitionGroups(), internal, counts);
        resolveRepartitionCounts(subtopologies, sourcesBySubtopology, internal, counts);

        Map<Integer, Integer> tasks = new TreeMap<>();
        for (Map.Entry<Integer, Set<String>> e : sourcesBySubtopology.entrySet()) {
            int max = 0;
            for (String t : e.getValue()) {
                max = Math.max(max, counts.getOrDefault(t, 0));
            }
            tasks.put(e.getKey(), max);
        }
        Map<String, InternalTopicConfig> toCreate = new LinkedHashMap<>();
        for (Map.Entry<Integer, TopicsInfo> e : subtopologies.entrySet()) {
            for (InternalTopicConfig c : e.getValue().repartitionSourceTopics().values()) {
                toCreate.put(c.name(), c.withPartitions(counts.get(c.name())));
            }
            int taskCount = tasks.get(e.getKey());
            for (InternalTopicConfig c : e.getValue().stateChangelogTopics().values()) {
                if (taskCount > 0) {
                    toCreate.put(c.name(), c.withPartitions(taskCount));
                }
            }
        }
        return new Layout(counts, tasks, toCreate);
    }

    private static void resolveRepartitionCounts(Map<Integer, TopicsInfo> subtopologies,
                                                 Map<Integer, Set<String>> sourcesBySubtopology,
                                                 Map<String, Integer> internal, Map<String, Integer> counts) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String topic : internal.keySet()) {
                if (counts.containsKey(topic)) {
                    continue;
                }
                Integer resolved = null;
                for (Map.Entry<Integer, TopicsInfo> e : subtopologies.entrySet()) {
                    if (!e.getValue().sinkTopics().contains(topic)) {
                        continue;
                    }
                    for (String upstream : sourcesBySubtopology.get(e.getKey())) {
                        Integer c = counts.get(upstream);
                        if (c != null) {
                            resolved = resolved == null ? c : Math.max(resolved, c);
                        }
                    }
                }
                if (resolved != null) {
                    counts.put(topic, resolved);
                    changed = true;
                }
            }
        }
        for (String topic : internal.keySet()) {
            boolean read = subtopologies.values().stream().anyMatch(t -> t.sourceTopics().contains(topic));
            if (read && !counts.containsKey(topic)) {
                throw new TopologyException("Cannot determine the partition count of internal topic " + topic
                        + ": no sub-topology writing it reads a topic with a known partition count. Give it a fixed"
                        + " partition count.");
            }
        }
    }

    private static void enforceCopartitioning(List<Set<String>> groups, Map<String, Integer> internal,
                                              Map<String, Integer> counts) {
        for (Set<String> group : groups) {
            Map<String, Integer> fixed = new TreeMap<>();
            List<String> flexible = new ArrayList<>();
            for (String topic : group) {
                if (internal.containsKey(topic) && internal.get(topic) == null) {
                    flexible.add(topic);
                } else if (counts.containsKey(topic)) {
                    fixed.put(topic, counts.get(topic));
                }
            }
            Set<Integer> distinct = new TreeSet<>(fixed.values());
            if (distinct.size() > 1) {
                StringBuilder sb = new StringBuilder();
                fixed.forEach((t, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(t).append(':').append(c));
                throw new TopologyException("Topics not co-partitioned: [" + sb + "]. Topics joined or merged by key"
                        + " must have the same number of partitions; repartition one of them (or re-create it) so"
                        + " that the counts match.");
            }
            int target;
            if (!distinct.isEmpty()) {
                target = distinct.iterator().next();
            } else {
                target = 0;
                for (String t : flexible) {
                    target = Math.max(target, counts.getOrDefault(t, 0));
                }
            }
            if (target > 0) {
                for (String t : flexible) {
                    counts.put(t, target);
                }
            }
        }
    }

    /**
     * Creates the missing internal topics of a layout and checks the existing ones.
     *
     * @param admin             the admin client
     * @param layout            the resolved layout
     * @param replicationFactor {@code replication.factor} (-1: the log's default)
     * @param topicOverrides    the {@code topic.} settings
     * @throws StreamsException if an internal topic exists with another partition count, or creation fails
     */
    public static void createTopics(Admin admin, Layout layout, int replicationFactor,
                                    Map<String, String> topicOverrides) {
        Map<String, InternalTopicConfig> wanted = layout.internalTopics();
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> existing = describe(admin, wanted.keySet());
        List<NewTopic> toCreate = new ArrayList<>();
        for (InternalTopicConfig c : wanted.values()) {
            TopicDescription d = existing.get(c.name());
            if (d != null) {
                checkPartitions(c, d.partitions().size());
                continue;
            }
            Map<String, String> configs = new HashMap<>(topicOverrides);
            configs.putAll(c.topicConfigs());
            configs.putAll(filterCleanupPolicy(topicOverrides, c));
            NewTopic topic = new NewTopic(c.name(), Optional.of(c.numberOfPartitions()),
                    replicationFactor < 0 ? Optional.empty() : Optional.of((short) replicationFactor)).configs(configs);
            toCreate.add(topic);
        }
        if (toCreate.isEmpty()) {
            return;
        }
        for (NewTopic t : toCreate) {
            try {
                admin.createTopics(List.of(t)).all().get();
                LOG.info("Created internal topic {} with {} partitions and {}", t.name(), t.numPartitions(),
                        t.configs());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    Map<String, TopicDescription> now = describe(admin, List.of(t.name()));
                    if (now.containsKey(t.name())) {
                        checkPartitions(wanted.get(t.name()), now.get(t.name()).partitions().size());
                    }
                    continue;
                }
                throw new StreamsException("Could not create internal topic " + t.name() + ": " + e.getCause(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamsException("Interrupted while creating internal topic " + t.name(), e);
            }
        }
    }

    private static Map<String, String> filterCleanupPolicy(Map<String, String> overrides, InternalTopicConfig c) {
        // topic.cleanup.policy cannot turn a changelog into a non-compacted topic: its restoration needs compaction
        Map<String, String> keep = new HashMap<>();
        if (c.type() == InternalTopicConfig.Type.CHANGELOG) {
            keep.put("cleanup.policy", c.topicConfigs().get("cleanup.policy"));
        }
        return keep;
    }

    private static void checkPartitions(InternalTopicConfig c, int actual) {
        if (actual != c.numberOfPartitions()) {
            throw new StreamsException("Existing internal topic " + c.name() + " has invalid partitions: expected: "
                    + c.numberOfPartitions() + "; actual: " + actual + ". Delete it (and reset the application's"
                    + " offsets) before starting, or restore the topology's previous partitioning.");
        }
    }

    /**
     * @param admin  the admin client
     * @param topics topic names
     * @return descriptions of those that exist
     * @throws StreamsException if the log cannot be asked
     */
    public static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics) {
        Map<String, TopicDescription> result = new HashMap<>();
        try {
            Set<String> names = admin.listTopics().names().get();
            List<String> present = topics.stream().filter(names::contains).toList();
            if (!present.isEmpty()) {
                result.putAll(admin.describeTopics(present).allTopicNames().get());
            }
            return result;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return result;
            }
            throw new StreamsException("Could not describe topics " + topics + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted while describing topics " + topics, e);
        }
    }

    /**
     * @param admin the admin client
     * @return the partition count of every topic in the log
     * @throws StreamsException if the log cannot be asked
     */
    public static Map<String, Integer> allTopicPartitions(Admin admin) {
        try {
            Set<String> names = admin.listTopics().names().get();
            Map<String, Integer> result = new HashMap<>();
            if (!names.isEmpty()) {
                admin.describeTopics(names).allTopicNames().get()
                        .forEach((n, d) -> result.put(n, d.partitions().size()));
            }
            return result;
        } catch (ExecutionException e) {
            throw new StreamsException("Could not list the topics of the log: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted while listing topics", e);
        }
    }
}
