package io.runnel.cli.internals;

import io.runnel.cli.BootstrapServerOption;
import io.runnel.cli.CliException;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/*
 * Groups. With --group the consumer subscribes as a member of that group and commits what it printed. Without it,
 * the consumer is assigned every partition of the topic(s) and has no group at all, where Kafka's tool joins a
 * generated group "console-consumer-<n>" that commits nothing. The generated group would only leave a stray group
 * behind: Runnel's coordinator keeps an empty group's metadata until offsets expire, also across restarts, and only
 * one process opens a log directory at a time, so no other member could ever share the partitions. With --partition
 * it reads that one partition (no group either; --group and --partition exclude each other, as in Kafka).
 *
 * Commits: unless the user sets enable.auto.commit, the consumer commits the offset after the last record it
 * printed, after every poll and at the end. Auto-commit would commit the position, which may lie past records
 * fetched but not printed when --max-messages stops early, and the group's lag would be wrong.
 */

/** {@code runnel console-consumer}: Kafka's {@code kafka-console-consumer}: prints records to standard output. */
@Command(name = "console-consumer", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Print the records of topics on standard output (Kafka's kafka-console-consumer).",
        description = {"Runs until --max-messages records were printed, no record came for --timeout-ms, or "
                + "Ctrl-C. With --group it joins that consumer group and commits what it printed. Without "
                + "--group it reads every partition without a group (Kafka's tool joins a generated group "
                + "console-consumer-<n> instead); with --partition it reads that one partition.", ""},
        footer = {"", "Formatter properties (--property name=value, default in brackets):",
                "  print.timestamp, print.partition, print.offset, print.headers,",
                "  print.key [false], print.value [true]",
                "  key.separator [\\t]   line.separator [\\n]   headers.separator [,]",
                "  null.literal [null]",
                "  key.deserializer, value.deserializer, headers.deserializer: class",
                "      names; without them bytes print as UTF-8",
                "", "Example:",
                "  runnel console-consumer --bootstrap-server /tmp/runnel \\",
                "      --topic greetings --from-beginning --max-messages 10 \\",
                "      --property print.key=true --property print.offset=true"})
public final class ConsoleConsumerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConsumerCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    BootstrapServerOption bootstrap;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
    Source source;

    static final class Source {
        @Option(names = "--topic", required = true, paramLabel = "<topic>", description = "The topic to consume.")
        String topic;
        @Option(names = "--include", required = true, paramLabel = "<regex>",
                description = "A regular expression: consume every topic whose name matches.")
        String include;
    }

    @Option(names = "--group", paramLabel = "<group>", order = 2,
            description = "The consumer group; it commits the offsets of the records printed.")
    String group;

    @Option(names = "--from-beginning", order = 3,
            description = "Start at the earliest record when the group has no committed offset (else: the end).")
    boolean fromBeginning;

    @Option(names = "--partition", paramLabel = "<n>", order = 4,
            description = "Read only this partition of --topic, from --offset, without a group.")
    Integer partition;

    @Option(names = "--offset", paramLabel = "<offset>", order = 5,
            description = "With --partition: a non-negative offset, earliest or latest (default latest).")
    String offset;

    @Option(names = "--max-messages", paramLabel = "<n>", order = 6,
            description = "Exit after printing this many records.")
    Integer maxMessages;

    @Option(names = "--timeout-ms", paramLabel = "<ms>", order = 7,
            description = "Exit when no record arrived for this long.")
    Long timeoutMs;

    @Option(names = {"--property", "--formatter-property"}, paramLabel = "<name=value>", order = 8,
            description = "A formatter setting (see below); repeatable.")
    List<String> formatterProperties;

    @Option(names = "--formatter-config", paramLabel = "<file>", order = 9,
            description = "Formatter settings from a properties file; --property wins.")
    Path formatterConfig;

    @Option(names = {"--consumer-property", "--command-property"}, paramLabel = "<name=value>", order = 10,
            description = "A consumer setting (Kafka's names); repeatable.")
    List<String> consumerProperties;

    @Option(names = {"--consumer.config", "--command-config"}, paramLabel = "<file>", order = 11,
            description = "Consumer settings from a properties file; --consumer-property wins.")
    Path consumerConfig;

    @Option(names = "--key-deserializer", paramLabel = "<class>", order = 12,
            description = "Print keys through this Deserializer (for example io.runnel.common.serialization.LongDeserializer).")
    String keyDeserializer;

    @Option(names = "--value-deserializer", paramLabel = "<class>", order = 13,
            description = "Print values through this Deserializer.")
    String valueDeserializer;

    @Option(names = "--isolation-level", paramLabel = "<level>", order = 14,
            description = "read_uncommitted (default) or read_committed.")
    String isolationLevel;

    private long printed;
    private boolean started;

    @Override
    public Integer call() {
        checkArguments();
        Map<String, String> formatterSettings = ClientSupport.propertiesFile(formatterConfig, "--formatter-config");
        if (keyDeserializer != null) {
            formatterSettings.put("key.deserializer", keyDeserializer);
        }
        if (valueDeserializer != null) {
            formatterSettings.put("value.deserializer", valueDeserializer);
        }
        formatterSettings.putAll(ClientSupport.keyValues(formatterProperties, "--property", spec.commandLine()));

        Map<String, Object> settings = new LinkedHashMap<>(ClientSupport.propertiesFile(consumerConfig, "--consumer.config"));
        Map<String, String> extra = ClientSupport.keyValues(consumerProperties, "--consumer-property", spec.commandLine());
        String groupId = groupId(settings, extra);
        settings.putAll(extra);
        settings.put("bootstrap.servers", bootstrap.bootstrapServers());
        settings.putIfAbsent("client.id", "console-consumer");
        if (isolationLevel != null) {
            settings.put("isolation.level", isolationLevel);
        }
        autoOffsetReset(settings);
        boolean commitPrinted = false;
        if (groupId != null) {
            settings.put("group.id", groupId);
            commitPrinted = !settings.containsKey("enable.auto.commit");
            settings.putIfAbsent("enable.auto.commit", "false");
        } else {
            settings.remove("group.id");
            settings.remove("enable.auto.commit");
        }

        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch finished = new CountDownLatch(1);
        try (RecordFormatter formatter = new RecordFormatter(formatterSettings);
             RunnelConsumer<byte[], byte[]> consumer = new RunnelConsumer<>(settings, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            ShutdownHook hook = ShutdownHook.register("console-consumer", () -> {
                consumer.wakeup();
                awaitQuietly(finished);
            });
            try {
                start(consumer, groupId != null);
                started = true;
                consume(consumer, formatter, out, commitPrinted);
            } finally {
                out.flush();
                hook.close();
            }
        } finally {
            if (started) {
                spec.commandLine().getErr().println("Processed a total of " + printed + " messages");
                spec.commandLine().getErr().flush();
            }
            finished.countDown();
        }
        return 0;
    }

    private void checkArguments() {
        if (partition != null) {
            if (source.topic == null) {
                throw usage("The topic is required when partition is specified.");
            }
            if (fromBeginning && offset != null) {
                throw usage("Options from-beginning and offset cannot be specified together.");
            }
            if (group != null) {
                throw usage("Options group and partition cannot be specified together.");
            }
            if (partition < 0) {
                throw usage("The partition must be non-negative (got " + partition + ")");
            }
        } else if (offset != null) {
            throw usage("The partition is required when offset is specified.");
        }
        if (offset != null) {
            parseOffset();
        }
        if (maxMessages != null && maxMessages < 0) {
            throw usage("--max-messages must be non-negative (got " + maxMessages + ")");
        }
        if (timeoutMs != null && timeoutMs < 0) {
            throw usage("--timeout-ms must be non-negative (got " + timeoutMs + ")");
        }
        if (source.include != null) {
            try {
                Pattern.compile(source.include);
            } catch (PatternSyntaxException e) {
                throw usage("--include is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    /** @return -2 for earliest, -1 for latest, else the offset */
    private long parseOffset() {
        String value = offset == null ? (fromBeginning ? "earliest" : "latest") : offset.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "earliest":
                return -2;
            case "latest":
                return -1;
            default:
                try {
                    long parsed = Long.parseLong(value);
                    if (parsed >= 0) {
                        return parsed;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw usage("The provided offset value '" + offset + "' is incorrect. Valid values are 'earliest', "
                        + "'latest', or a non-negative long.");
        }
    }

    private String groupId(Map<String, Object> fromFile, Map<String, String> extra) {
        Set<String> given = new LinkedHashSet<>();
        if (group != null) {
            given.add(group);
        }
        if (fromFile.get("group.id") != null) {
            given.add(fromFile.get("group.id").toString());
        }
        if (extra.get("group.id") != null) {
            given.add(extra.get("group.id"));
        }
        if (given.size() > 1) {
            throw usage("The group ids provided in different places (--group, --consumer-property, --consumer.config) "
                    + "do not match: " + String.join(", ", given));
        }
        if (!given.isEmpty() && partition != null) {
            throw usage("Options group and partition cannot be specified together.");
        }
        return given.isEmpty() ? null : given.iterator().next();
    }

    private void autoOffsetReset(Map<String, Object> settings) {
        Object explicit = settings.get("auto.offset.reset");
        if (explicit == null) {
            settings.put("auto.offset.reset", fromBeginning ? "earliest" : "latest");
        } else if (fromBeginning && !"earliest".equals(explicit.toString().trim())) {
            throw usage("Can't simultaneously specify --from-beginning and 'auto.offset.reset=" + explicit
                    + "', please remove one option");
        }
    }

    private void start(RunnelConsumer<byte[], byte[]> consumer, boolean inGroup) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics();
        if (source.include != null) {
            Pattern pattern = Pattern.compile(source.include);
            if (inGroup) {
                consumer.subscribe(pattern);
                return;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach((topic, infos) -> {
                if (pattern.matcher(topic).matches() && !topic.startsWith("__")) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            if (partitions.isEmpty()) {
                throw new CliException("No topic matches --include '" + source.include + "' ('runnel topics --list' "
                        + "lists the topics)");
            }
            consumer.assign(partitions);
            return;
        }
        List<PartitionInfo> partitions = topics.get(source.topic);
        if (partitions == null) {
            throw new CliException("Topic '" + source.topic + "' does not exist (create it with 'runnel topics --create "
                    + "--topic " + source.topic + "' or produce to it; 'runnel topics --list' lists the topics)");
        }
        if (partition == null) {
            if (inGroup) {
                consumer.subscribe(List.of(source.topic));
            } else {
                consumer.assign(partitions.stream().map(p -> new TopicPartition(source.topic, p.partition())).toList());
            }
            return;
        }
        if (partition >= partitions.size()) {
            throw new CliException("Partition " + partition + " of topic '" + source.topic + "' does not exist (the topic has "
                    + partitions.size() + " partition" + (partitions.size() == 1 ? "" : "s") + ")");
        }
        TopicPartition tp = new TopicPartition(source.topic, partition);
        consumer.assign(List.of(tp));
        long start = parseOffset();
        if (start == -2) {
            consumer.seekToBeginning(List.of(tp));
        } else if (start == -1) {
            consumer.seekToEnd(List.of(tp));
        } else {
            consumer.seek(tp, start);
        }
    }

    private void consume(RunnelConsumer<byte[], byte[]> consumer, RecordFormatter formatter, PrintWriter out,
                         boolean commitPrinted) {
        long limit = maxMessages == null ? Long.MAX_VALUE : maxMessages;
        long idleNanos = timeoutMs == null ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long lastRecord = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
        try {
            while (printed < limit) {
                long waited = System.nanoTime() - lastRecord;
                if (waited >= idleNanos) {
                    break;
                }
                long pollMs = Math.max(1, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(idleNanos - waited)));
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(pollMs));
                if (records.isEmpty()) {
                    continue;
                }
                lastRecord = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (printed >= limit) {
                        break;
                    }
                    formatter.write(record, out);
                    printed++;
                    toCommit.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                out.flush();
                if (commitPrinted) {
                    commit(consumer, toCommit);
                }
                if (out.checkError()) {
                    // Standard output is gone (for example "| head -3" exited): stop as Kafka's tool does.
                    spec.commandLine().getErr().println("Unable to write to standard output, closing consumer.");
                    break;
                }
            }
        } catch (WakeupException e) {
            LOG.debug("Woken up by shutdown; stopping");
        }
        if (commitPrinted) {
            commit(consumer, toCommit);
        }
    }

    private static void commit(RunnelConsumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(offsets));
            offsets.clear();
        } catch (WakeupException e) {
            LOG.debug("Commit interrupted by shutdown; committing once more at close");
            consumer.commitSync(Map.copyOf(offsets));
            offsets.clear();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
