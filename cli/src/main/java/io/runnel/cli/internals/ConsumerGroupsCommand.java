package io.runnel.cli.internals;

import io.runnel.cli.BootstrapServerOption;
import io.runnel.cli.CliException;
import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.ConsumerGroupDescription;
import io.runnel.clients.admin.ConsumerGroupListing;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.clients.admin.TopicDescription;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.GroupState;
import io.runnel.common.RunnelFuture;
import io.runnel.common.TopicPartition;
import io.runnel.common.TopicPartitionInfo;
import io.runnel.common.errors.GroupIdNotFoundException;
import io.runnel.common.errors.GroupNotEmptyException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code runnel consumer-groups}: Kafka's {@code kafka-consumer-groups} for the embedded log. */
@Command(name = "consumer-groups", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "List, describe and delete consumer groups; reset their offsets (Kafka's kafka-consumer-groups).",
        description = {"--describe shows per partition the committed offset, the log end offset and the lag "
                + "between them. --reset-offsets shows the new offsets (--dry-run) or commits them (--execute); "
                + "the group must have no active members.", ""},
        footer = {"", "Examples:",
                "  runnel consumer-groups --bootstrap-server /tmp/runnel --describe --group billing",
                "  runnel consumer-groups --bootstrap-server /tmp/runnel --reset-offsets \\",
                "      --group billing --topic orders --to-earliest --execute"})
public final class ConsumerGroupsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BootstrapServerOption bootstrap;

    @Option(names = "--command-config", paramLabel = "<file>", order = 1,
            description = "Admin client settings from a properties file.")
    Path commandConfig;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 2)
    Action action;

    static final class Action {
        @Option(names = "--list", required = true, description = "List the groups (with --state: and their states).")
        boolean list;
        @Option(names = "--describe", required = true, description = "Describe groups: offsets and lag (default), --members or --state.")
        boolean describe;
        @Option(names = "--delete", required = true, description = "Delete groups without active members, with their committed offsets.")
        boolean delete;
        @Option(names = "--reset-offsets", required = true, description = "Reset the committed offsets of groups without active members.")
        boolean resetOffsets;
    }

    @Option(names = "--group", paramLabel = "<group>", order = 3, description = "A consumer group; repeatable.")
    List<String> groups;

    @Option(names = "--all-groups", order = 4, description = "Every group (with --describe, --delete, --reset-offsets).")
    boolean allGroups;

    @Option(names = "--members", order = 5, description = "With --describe: the members (with --verbose: their partitions).")
    boolean members;

    @Option(names = "--offsets", order = 6, description = "With --describe: offsets and lag per partition (the default).")
    boolean offsets;

    @Option(names = "--state", arity = "0..1", fallbackValue = "", paramLabel = "<states>", order = 7,
            description = "With --describe: coordinator, assignor, state and member count. With --list: show states, "
                    + "optionally only these (comma-separated, for example Stable,Empty).")
    String state;

    @Option(names = "--topic", paramLabel = "<topic[:partitions]>", order = 8,
            description = "With --reset-offsets: a topic, or some of its partitions (orders:0,2); repeatable.")
    List<String> topics;

    @Option(names = "--all-topics", order = 9, description = "With --reset-offsets: every partition the group has offsets for.")
    boolean allTopics;

    @ArgGroup(exclusive = true, order = 10)
    ResetSpec reset;

    static final class ResetSpec {
        @Option(names = "--to-earliest", required = true, description = "Reset to the earliest offset.")
        boolean toEarliest;
        @Option(names = "--to-latest", required = true, description = "Reset to the log end offset.")
        boolean toLatest;
        @Option(names = "--to-current", required = true, description = "Reset to the committed offset (the log end where none).")
        boolean toCurrent;
        @Option(names = "--to-offset", required = true, paramLabel = "<offset>",
                description = "Reset to this offset (kept within earliest..log end).")
        Long toOffset;
        @Option(names = "--shift-by", required = true, paramLabel = "<n>",
                description = "Move the committed offset by n (negative: back), kept within earliest..log end.")
        Long shiftBy;
        @Option(names = "--to-datetime", required = true, paramLabel = "<datetime>",
                description = "Reset to the first record at or after this time: YYYY-MM-DDTHH:mm:SS.sss, with an "
                        + "optional zone (Z, +01:00); local time without one.")
        String toDatetime;
        @Option(names = "--by-duration", required = true, paramLabel = "<duration>",
                description = "Reset to the first record at or after now minus this ISO-8601 duration (PnDTnHnMnS).")
        String byDuration;
    }

    @Option(names = "--dry-run", order = 11, description = "With --reset-offsets: show the new offsets only (the default).")
    boolean dryRun;

    @Option(names = "--execute", order = 12, description = "With --reset-offsets: commit the new offsets.")
    boolean execute;

    /** The time (ms since the epoch) that --to-datetime or --by-duration name, parsed with the arguments. */
    private long resetTimestamp;

    @Override
    public Integer call() {
        checkArguments();
        Map<String, Object> settings = new LinkedHashMap<>(ClientSupport.propertiesFile(commandConfig, "--command-config"));
        settings.put("bootstrap.servers", bootstrap.bootstrapServers());
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = Admin.create(settings)) {
            if (action.list) {
                list(admin, out);
            } else if (action.describe) {
                describe(admin, out);
            } else if (action.delete) {
                delete(admin, out);
            } else {
                resetOffsets(admin, out);
            }
        } finally {
            out.flush();
        }
        return 0;
    }

    private void checkArguments() {
        boolean hasGroups = groups != null && !groups.isEmpty();
        if (action.list && (hasGroups || allGroups)) {
            throw usage("--list takes no --group or --all-groups");
        }
        if (!action.list && !hasGroups && !allGroups) {
            throw usage("Missing required option: '--group=<group>' (or --all-groups)");
        }
        if (hasGroups && allGroups) {
            throw usage("Options --group and --all-groups cannot be specified together");
        }
        if ((members || offsets) && !action.describe) {
            throw usage("Options --members and --offsets can only be used with --describe");
        }
        if (members && (offsets || state != null) || offsets && state != null) {
            throw usage("Choose one of --members, --offsets and --state");
        }
        if (state != null && !(action.describe || action.list)) {
            throw usage("Option --state can only be used with --describe or --list");
        }
        if (state != null && action.describe && !state.isEmpty()) {
            throw usage("With --describe, --state takes no value");
        }
        boolean hasTopics = topics != null && !topics.isEmpty();
        if (!action.resetOffsets) {
            if (hasTopics || allTopics || reset != null || dryRun || execute) {
                throw usage("Options --topic, --all-topics, --to-*, --shift-by, --by-duration, --dry-run and --execute "
                        + "can only be used with --reset-offsets");
            }
            return;
        }
        if (hasTopics == allTopics) {
            throw usage("--reset-offsets needs either --topic or --all-topics");
        }
        if (reset == null) {
            throw usage("--reset-offsets needs one of --to-earliest, --to-latest, --to-current, --to-offset, --shift-by, "
                    + "--to-datetime, --by-duration");
        }
        if (dryRun && execute) {
            throw usage("Options --dry-run and --execute cannot be specified together");
        }
        if (reset.toDatetime != null) {
            resetTimestamp = parseDateTime(reset.toDatetime);
        } else if (reset.byDuration != null) {
            resetTimestamp = now() - parseDuration(reset.byDuration);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    // ---- --list

    private void list(Admin admin, PrintWriter out) {
        List<ConsumerGroupListing> listings = new ArrayList<>(ClientSupport.await(admin.listConsumerGroups().all()));
        listings.sort(Comparator.comparing(ConsumerGroupListing::groupId));
        if (state == null) {
            listings.forEach(l -> out.println(l.groupId()));
            return;
        }
        Set<GroupState> wanted = new TreeSet<>();
        for (String name : state.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            GroupState parsed = GroupState.parse(name.trim());
            if (parsed == GroupState.UNKNOWN) {
                throw usage("Unknown group state '" + name.trim() + "' (states: Stable, PreparingRebalance, "
                        + "CompletingRebalance, Empty, Dead)");
            }
            wanted.add(parsed);
        }
        Table table = new Table(new String[]{"GROUP", "STATE"}, new int[]{15, 0});
        for (ConsumerGroupListing listing : listings) {
            GroupState groupState = listing.groupState().orElse(GroupState.UNKNOWN);
            if (wanted.isEmpty() || wanted.contains(groupState)) {
                table.row(listing.groupId(), groupState);
            }
        }
        table.print(out);
    }

    // ---- --describe

    private void describe(Admin admin, PrintWriter out) {
        GroupDescriber describer = new GroupDescriber(out, spec.commandLine().getErr(), isVerbose());
        boolean first = true;
        for (String group : groupIds(admin)) {
            ConsumerGroupDescription description = describeGroup(admin, group);
            if (!first) {
                out.println();
            }
            first = false;
            if (members) {
                describer.members(description);
            } else if (state != null) {
                describer.state(description);
            } else {
                describer.offsets(admin, description);
            }
        }
    }

    /** {@code --verbose} is the option every command inherits from {@code runnel}; here it also adds ASSIGNMENT. */
    private boolean isVerbose() {
        OptionSpec verbose = spec.findOption(CliErrorHandler.VERBOSE);
        return verbose != null && Boolean.TRUE.equals(verbose.getValue());
    }

    private ConsumerGroupDescription describeGroup(Admin admin, String group) {
        try {
            return ClientSupport.await(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
        } catch (GroupIdNotFoundException e) {
            throw new CliException("Consumer group '" + group + "' does not exist ('runnel consumer-groups --list' "
                    + "lists the groups)", e);
        }
    }

    // ---- --delete

    private void delete(Admin admin, PrintWriter out) {
        List<String> ids = groupIds(admin);
        Map<String, RunnelFuture<Void>> results = admin.deleteConsumerGroups(ids).deletedGroups();
        List<String> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String id : ids) {
            try {
                ClientSupport.await(results.get(id));
                deleted.add(id);
            } catch (GroupIdNotFoundException e) {
                failures.add("Consumer group '" + id + "' does not exist");
            } catch (GroupNotEmptyException e) {
                failures.add("Consumer group '" + id + "' could not be deleted: it has active members (stop its consumers first)");
            } catch (RuntimeException e) {
                failures.add("Consumer group '" + id + "' could not be deleted: " + CliErrorHandler.describe(e));
            }
        }
        if (!deleted.isEmpty()) {
            out.println("Deletion of requested consumer groups (" + deleted.stream().map(g -> "'" + g + "'")
                    .collect(Collectors.joining(", ")) + ") was successful.");
        }
        if (!failures.isEmpty()) {
            throw new CliException(String.join("; ", failures));
        }
    }

    // ---- --reset-offsets

    private void resetOffsets(Admin admin, PrintWriter out) {
        Table table = new Table(new String[]{"GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"}, new int[]{15, 15, 10, 0});
        Map<String, Map<TopicPartition, Long>> plans = new LinkedHashMap<>();
        for (String group : groupIds(admin)) {
            checkInactive(admin, group);
            Map<TopicPartition, OffsetAndMetadata> committed = GroupOffsets.committed(admin, group);
            List<TopicPartition> partitions = allTopics ? new ArrayList<>(committed.keySet()) : namedPartitions(admin);
            partitions.sort(GroupOffsets.BY_TOPIC_PARTITION);
            if (partitions.isEmpty()) {
                spec.commandLine().getErr().println("Consumer group '" + group + "' has no committed offsets to reset "
                        + "(name the topics with --topic)");
                continue;
            }
            Map<TopicPartition, Long> plan = plan(admin, group, partitions, committed);
            plan.forEach((tp, offset) -> table.row(group, tp.topic(), tp.partition(), offset));
            plans.put(group, plan);
        }
        if (execute) {
            for (Map.Entry<String, Map<TopicPartition, Long>> entry : plans.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> newOffsets = new LinkedHashMap<>();
                entry.getValue().forEach((tp, offset) -> newOffsets.put(tp, new OffsetAndMetadata(offset)));
                try {
                    ClientSupport.await(admin.alterConsumerGroupOffsets(entry.getKey(), newOffsets).all());
                } catch (GroupNotEmptyException e) {
                    throw new CliException("Assignments can only be reset if the group '" + entry.getKey()
                            + "' is inactive (stop its consumers first)", e);
                }
            }
        }
        if (!table.isEmpty()) {
            table.print(out);
        }
        if (!dryRun && !execute) {
            spec.commandLine().getErr().println("WARN: No action was performed as the --execute option is missing. "
                    + "Add --execute to commit the new offsets, or --dry-run to only show them without this warning.");
        }
    }

    private void checkInactive(Admin admin, String group) {
        try {
            ConsumerGroupDescription description =
                    ClientSupport.await(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
            if (!description.members().isEmpty()) {
                throw new CliException("Assignments can only be reset if the group '" + group
                        + "' is inactive, but the current state is " + description.groupState()
                        + " (stop its consumers first)");
            }
        } catch (GroupIdNotFoundException e) {
            // A group that does not exist yet has no members: its first offsets may be set.
        }
    }

    private List<TopicPartition> namedPartitions(Admin admin) {
        Map<String, List<Integer>> requested = new LinkedHashMap<>();
        for (String topicSpec : topics) {
            int colon = topicSpec.lastIndexOf(':');
            String topic = colon < 0 ? topicSpec.trim() : topicSpec.substring(0, colon).trim();
            List<Integer> parts = requested.computeIfAbsent(topic, t -> new ArrayList<>());
            if (colon >= 0) {
                for (String p : topicSpec.substring(colon + 1).split(",")) {
                    try {
                        parts.add(Integer.parseInt(p.trim()));
                    } catch (NumberFormatException e) {
                        throw usage("Invalid --topic '" + topicSpec + "': partitions must be numbers, as in orders:0,2");
                    }
                }
            } else {
                parts.add(-1);
            }
        }
        Map<String, TopicDescription> described;
        try {
            described = ClientSupport.await(admin.describeTopics(requested.keySet()).allTopicNames());
        } catch (UnknownTopicOrPartitionException e) {
            Set<String> existing = ClientSupport.await(admin.listTopics().names());
            String missing = requested.keySet().stream().filter(t -> !existing.contains(t)).findFirst().orElse("?");
            throw new CliException("Topic '" + missing + "' does not exist ('runnel topics --list' lists the topics)", e);
        }
        List<TopicPartition> result = new ArrayList<>();
        requested.forEach((topic, parts) -> {
            List<Integer> all = described.get(topic).partitions().stream().map(TopicPartitionInfo::partition).sorted().toList();
            for (int p : new TreeSet<>(parts)) {
                if (p == -1) {
                    all.forEach(q -> result.add(new TopicPartition(topic, q)));
                } else if (all.contains(p)) {
                    result.add(new TopicPartition(topic, p));
                } else {
                    throw new CliException("Partition " + p + " of topic '" + topic + "' does not exist (the topic has "
                            + all.size() + " partitions)");
                }
            }
        });
        TreeSet<TopicPartition> distinct = new TreeSet<>(GroupOffsets.BY_TOPIC_PARTITION);
        distinct.addAll(result);
        return new ArrayList<>(distinct);
    }

    private Map<TopicPartition, Long> plan(Admin admin, String group, List<TopicPartition> partitions,
                                           Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> earliest = GroupOffsets.offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = GroupOffsets.offsets(admin, partitions, OffsetSpec.latest());
        Function<TopicPartition, Long> current = tp -> committed.containsKey(tp) ? committed.get(tp).offset() : null;
        Map<TopicPartition, Long> byTime = null;
        if (reset.toDatetime != null || reset.byDuration != null) {
            byTime = GroupOffsets.offsets(admin, partitions, OffsetSpec.forTimestamp(resetTimestamp));
        }
        Map<TopicPartition, Long> plan = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            long low = earliest.getOrDefault(tp, 0L);
            long high = latest.getOrDefault(tp, low);
            long target;
            if (reset.toEarliest) {
                target = low;
            } else if (reset.toLatest) {
                target = high;
            } else if (reset.toCurrent) {
                Long c = current.apply(tp);
                target = c == null ? high : c;
            } else if (reset.toOffset != null) {
                target = reset.toOffset;
            } else if (reset.shiftBy != null) {
                Long c = current.apply(tp);
                if (c == null) {
                    throw new CliException("Cannot shift the offset of partition " + tp + ": group '" + group
                            + "' has no committed offset for it (use --to-earliest, --to-latest or --to-offset)");
                }
                target = c + reset.shiftBy;
            } else {
                Long found = byTime.get(tp);
                target = found == null || found < 0 ? high : found;
            }
            plan.put(tp, Math.max(low, Math.min(high, target)));
        }
        return plan;
    }

    private long parseDateTime(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw usage("Invalid --to-datetime '" + text + "': expected YYYY-MM-DDTHH:mm:SS.sss with an optional "
                            + "zone, for example 2024-05-01T08:00:00.000 or 2024-05-01T08:00:00.000+02:00");
                }
            }
        }
    }

    private long parseDuration(String text) {
        try {
            Duration duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (duration.isNegative()) {
                throw usage("Invalid --by-duration '" + text + "': the duration must not be negative");
            }
            return duration.toMillis();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw usage("Invalid --by-duration '" + text + "': expected an ISO-8601 duration such as PT1H30M or P1DT12H");
        }
    }

    /** @return the wall-clock time in ms, for --by-duration */
    long now() {
        return System.currentTimeMillis();
    }

    // ---- shared

    private List<String> groupIds(Admin admin) {
        if (!allGroups) {
            return groups.stream().distinct().toList();
        }
        return ClientSupport.await(admin.listConsumerGroups().all()).stream().map(ConsumerGroupListing::groupId)
                .sorted().toList();
    }

}
