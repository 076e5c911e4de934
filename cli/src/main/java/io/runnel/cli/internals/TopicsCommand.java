package io.runnel.cli.internals;

import io.runnel.cli.BootstrapServerOption;
import io.runnel.cli.CliException;
import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.AlterConfigOp;
import io.runnel.clients.admin.Config;
import io.runnel.clients.admin.ConfigEntry;
import io.runnel.clients.admin.ListTopicsOptions;
import io.runnel.clients.admin.NewPartitions;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.admin.TopicDescription;
import io.runnel.common.Node;
import io.runnel.common.TopicPartitionInfo;
import io.runnel.common.config.ConfigResource;
import io.runnel.common.errors.TopicExistsException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** {@code runnel topics}: Kafka's {@code kafka-topics} for the embedded log. */
@Command(name = "topics", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Create, list, describe, alter or delete topics (Kafka's kafka-topics).",
        description = {"Choose one action. --topic also takes a regular expression, except with --create. "
                + "--alter also changes settings (--config, --delete-config), which Kafka leaves to kafka-configs.", ""},
        footer = {"", "Examples:",
                "  runnel topics --bootstrap-server /tmp/runnel --create --topic orders \\",
                "      --partitions 3 --config retention.ms=86400000",
                "  runnel topics --bootstrap-server /tmp/runnel --describe --topic orders",
                "  runnel topics --bootstrap-server /tmp/runnel --alter --topic orders \\",
                "      --partitions 6"})
public final class TopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BootstrapServerOption bootstrap;

    @Option(names = "--command-config", paramLabel = "<file>", order = 1,
            description = "Admin client settings from a properties file (for example broker.* settings used if "
                    + "this command opens the log).")
    Path commandConfig;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 2)
    Action action;

    static final class Action {
        @Option(names = "--create", required = true, description = "Create a topic.")
        boolean create;
        @Option(names = "--list", required = true, description = "List the topics (internal ones too, unless --exclude-internal).")
        boolean list;
        @Option(names = "--describe", required = true, description = "Describe topics: ID, partitions, leader, replicas and the settings that differ from the defaults.")
        boolean describe;
        @Option(names = "--alter", required = true, description = "Add partitions (--partitions) or change settings (--config, --delete-config).")
        boolean alter;
        @Option(names = "--delete", required = true, description = "Delete topics, their data and the offsets groups committed for them.")
        boolean delete;
    }

    @Option(names = "--topic", paramLabel = "<topic>", order = 3,
            description = "The topic to create, alter, describe or delete; a regular expression except with --create.")
    String topic;

    @Option(names = "--partitions", paramLabel = "<n>", order = 4,
            description = "With --create: the partition count (default: the log's num.partitions). With --alter: the new, larger count.")
    Integer partitions;

    @Option(names = "--replication-factor", paramLabel = "<n>", order = 5,
            description = "With --create: the replication factor; only 1 until replication exists.")
    Integer replicationFactor;

    @Option(names = "--config", paramLabel = "<name=value>", order = 6,
            description = "With --create or --alter: a topic setting (Kafka's names, for example cleanup.policy=compact); repeatable.")
    List<String> configs;

    @Option(names = "--delete-config", paramLabel = "<name>", order = 7,
            description = "With --alter: remove a topic setting override (back to the default); repeatable.")
    List<String> deleteConfigs;

    @Option(names = "--if-not-exists", order = 8, description = "With --create: do nothing if the topic exists.")
    boolean ifNotExists;

    @Option(names = "--if-exists", order = 9, description = "With --alter, --describe or --delete: do nothing if the topic does not exist.")
    boolean ifExists;

    @Option(names = "--exclude-internal", order = 10, description = "With --list or --describe: leave out internal topics (__consumer_offsets).")
    boolean excludeInternal;

    @Option(names = "--topics-with-overrides", order = 11, description = "With --describe: show only topics with setting overrides, without partitions.")
    boolean topicsWithOverrides;

    @Override
    public Integer call() {
        checkArguments();
        Map<String, Object> settings = new LinkedHashMap<>(ClientSupport.propertiesFile(commandConfig, "--command-config"));
        settings.put("bootstrap.servers", bootstrap.bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            PrintWriter out = spec.commandLine().getOut();
            if (action.create) {
                create(admin, out);
            } else if (action.list) {
                matching(admin).forEach(out::println);
            } else if (action.describe) {
                describe(admin, out);
            } else if (action.alter) {
                alter(admin, out);
            } else {
                delete(admin, out);
            }
            out.flush();
        }
        return 0;
    }

    private void checkArguments() {
        boolean needsTopic = action.create || action.alter || action.delete;
        if (needsTopic && topic == null) {
            throw usage("Missing required option: '--topic=<topic>'");
        }
        if (partitions != null && !(action.create || action.alter)) {
            throw usage("Option '--partitions' can only be used with --create or --alter");
        }
        if (replicationFactor != null && !action.create) {
            throw usage("Option '--replication-factor' can only be used with --create");
        }
        if (configs != null && !(action.create || action.alter)) {
            throw usage("Option '--config' can only be used with --create or --alter");
        }
        if (deleteConfigs != null && !action.alter) {
            throw usage("Option '--delete-config' can only be used with --alter");
        }
        if (ifNotExists && !action.create) {
            throw usage("Option '--if-not-exists' can only be used with --create");
        }
        if (ifExists && !(action.alter || action.describe || action.delete)) {
            throw usage("Option '--if-exists' can only be used with --alter, --describe or --delete");
        }
        if (action.alter && partitions == null && configs == null && deleteConfigs == null) {
            throw usage("--alter needs --partitions, --config or --delete-config");
        }
        if (partitions != null && partitions < 1) {
            throw usage("The partitions must be greater than 0 (got " + partitions + ")");
        }
        if (replicationFactor != null && (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE)) {
            throw usage("The replication factor must be between 1 and " + Short.MAX_VALUE + " (got " + replicationFactor + ")");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void create(Admin admin, PrintWriter out) {
        NewTopic newTopic = new NewTopic(topic, Optional.ofNullable(partitions),
                Optional.ofNullable(replicationFactor).map(Integer::shortValue))
                .configs(ClientSupport.keyValues(configs, "--config", spec.commandLine()));
        try {
            ClientSupport.await(admin.createTopics(List.of(newTopic)).all());
            out.println("Created topic " + topic + ".");
        } catch (TopicExistsException e) {
            if (!ifNotExists) {
                throw new CliException("Topic '" + topic + "' already exists (add --if-not-exists to ignore an existing topic)", e);
            }
        }
    }

    private void describe(Admin admin, PrintWriter out) {
        List<String> topics = matching(admin);
        ensureFound(topics);
        if (topics.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = ClientSupport.await(admin.describeTopics(topics).allTopicNames());
        Map<ConfigResource, Config> topicConfigs = ClientSupport.await(admin.describeConfigs(topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all());
        for (String name : topics) {
            TopicDescription description = descriptions.get(name);
            Config config = topicConfigs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            String overrides = config == null ? "" : config.entries().stream()
                    .filter(e -> !e.isDefault())
                    .map(e -> e.name() + "=" + (e.isSensitive() ? "(sensitive)" : e.value()))
                    .collect(Collectors.joining(","));
            if (topicsWithOverrides && overrides.isEmpty()) {
                continue;
            }
            List<TopicPartitionInfo> partitionInfos = new ArrayList<>(description.partitions());
            partitionInfos.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            int replicas = partitionInfos.isEmpty() ? 0 : partitionInfos.get(0).replicas().size();
            out.println("Topic: " + name + "\tTopicId: " + description.topicId() + "\tPartitionCount: "
                    + partitionInfos.size() + "\tReplicationFactor: " + replicas + "\tConfigs: " + overrides);
            if (topicsWithOverrides) {
                continue;
            }
            for (TopicPartitionInfo p : partitionInfos) {
                out.println("\tTopic: " + name + "\tPartition: " + p.partition()
                        + "\tLeader: " + (p.leader() == null || p.leader().isEmpty() ? "none" : p.leader().id())
                        + "\tReplicas: " + ids(p.replicas()) + "\tIsr: " + ids(p.isr())
                        + "\tElr: N/A\tLastKnownElr: N/A");
            }
        }
    }

    private void alter(Admin admin, PrintWriter out) {
        List<String> topics = matching(admin);
        ensureFound(topics);
        if (topics.isEmpty()) {
            return;
        }
        if (partitions != null) {
            Map<String, NewPartitions> increases = new LinkedHashMap<>();
            topics.forEach(t -> increases.put(t, NewPartitions.increaseTo(partitions)));
            ClientSupport.await(admin.createPartitions(increases).all());
        }
        Map<String, String> set = ClientSupport.keyValues(configs, "--config", spec.commandLine());
        if (!set.isEmpty() || deleteConfigs != null) {
            Collection<AlterConfigOp> ops = new ArrayList<>();
            set.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
            if (deleteConfigs != null) {
                deleteConfigs.forEach(k -> ops.add(new AlterConfigOp(new ConfigEntry(k.trim(), ""), AlterConfigOp.OpType.DELETE)));
            }
            Map<ConfigResource, Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
            topics.forEach(t -> alterations.put(new ConfigResource(ConfigResource.Type.TOPIC, t), ops));
            ClientSupport.await(admin.incrementalAlterConfigs(alterations).all());
        }
        topics.forEach(t -> out.println("Altered topic " + t + "."));
    }

    private void delete(Admin admin, PrintWriter out) {
        List<String> topics = matching(admin);
        ensureFound(topics);
        if (topics.isEmpty()) {
            return;
        }
        ClientSupport.await(admin.deleteTopics(topics).all());
        topics.forEach(t -> out.println("Deleted topic " + t + "."));
    }

    /** The topics --topic names (an exact name or a regular expression), sorted; all when --topic is absent. */
    private List<String> matching(Admin admin) {
        Set<String> names = ClientSupport.await(admin.listTopics(new ListTopicsOptions().listInternal(!excludeInternal)).names());
        if (topic == null) {
            return List.copyOf(names);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(topic);
        } catch (PatternSyntaxException e) {
            pattern = null;
        }
        List<String> result = new ArrayList<>();
        for (String name : names) {
            if (name.equals(topic) || (pattern != null && pattern.matcher(name).matches())) {
                result.add(name);
            }
        }
        return result;
    }

    private void ensureFound(List<String> topics) {
        if (topics.isEmpty() && topic != null && !ifExists) {
            throw new CliException("Topic '" + topic + "' does not exist (add --if-exists to ignore a missing topic; "
                    + "'runnel topics --list' lists the topics)");
        }
    }

    private static String ids(List<Node> nodes) {
        return nodes.stream().map(n -> Integer.toString(n.id())).collect(Collectors.joining(","));
    }
}
