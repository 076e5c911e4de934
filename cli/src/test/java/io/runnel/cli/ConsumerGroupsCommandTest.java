package io.runnel.cli;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerGroupsCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void fill() {
        CliRun.on(dir, "topics", "--create", "--topic", "a", "--partitions", "1");
        CliRun.on(dir, "topics", "--create", "--topic", "b", "--partitions", "2");
        CliRun.onWithInput(dir, "a0\na1\na2\na3\na4\n", "console-producer", "--topic", "a");
        CliRun.onWithInput(dir, "k1:1\nk2:2\nk3:3\nk4:4\nk5:5\nk6:6\n", "console-producer", "--topic", "b",
                "--property", "parse.key=true", "--property", "key.separator=:");
    }

    private CliRun groups(String... args) {
        return CliRun.on(dir, "consumer-groups", args);
    }

    private Map<TopicPartition, Long> committed(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "file://" + dir))) {
            Map<TopicPartition, Long> result = new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, o) -> result.put(tp, o.offset()));
            return result;
        }
    }

    private Map<TopicPartition, Long> logEnd() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "file://" + dir))) {
            Map<TopicPartition, io.runnel.clients.admin.OffsetSpec> request = Map.of(
                    new TopicPartition("b", 0), io.runnel.clients.admin.OffsetSpec.latest(),
                    new TopicPartition("b", 1), io.runnel.clients.admin.OffsetSpec.latest());
            Map<TopicPartition, Long> result = new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
            admin.listOffsets(request).all().get().forEach((tp, info) -> result.put(tp, info.offset()));
            return result;
        }
    }

    @Test
    void shouldDescribeCommittedOffsetsLogEndOffsetsAndLagPerPartition() throws Exception {
        CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "g", "--from-beginning", "--max-messages", "3");
        CliRun.on(dir, "console-consumer", "--topic", "b", "--group", "g", "--from-beginning", "--max-messages", "6");

        CliRun described = groups("--describe", "--group", "g");
        assertThat(described.exitCode()).as(described.toString()).isZero();
        assertThat(described.err()).isEqualTo("Consumer group 'g' has no active members.\n");
        List<String> lines = described.lines();
        assertThat(lines.get(0).split(" +")).containsExactly("GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET",
                "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID");
        assertThat(lines.get(1).split(" +")).containsExactly("g", "a", "0", "3", "5", "2", "-", "-", "-");
        Map<TopicPartition, Long> ends = logEnd();
        assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
        assertThat(lines.get(2).split(" +")).containsExactly("g", "b", "0", "" + ends.get(new TopicPartition("b", 0)),
                "" + ends.get(new TopicPartition("b", 0)), "0", "-", "-", "-");
        assertThat(lines.get(3).split(" +")).containsExactly("g", "b", "1", "" + ends.get(new TopicPartition("b", 1)),
                "" + ends.get(new TopicPartition("b", 1)), "0", "-", "-", "-");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).indexOf("TOPIC")).isEqualTo(lines.get(1).indexOf(" a ") + 1);
    }

    @Test
    void shouldListGroupsWithAndWithoutStates() {
        CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "g2", "--from-beginning", "--max-messages", "1");
        CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "g1", "--from-beginning", "--max-messages", "1");
        assertThat(groups("--list").lines()).containsExactly("g1", "g2");
        CliRun states = groups("--list", "--state");
        assertThat(states.lines()).hasSize(3);
        assertThat(states.lines().get(1).split(" +")).containsExactly("g1", "Empty");
        assertThat(groups("--list", "--state", "empty").lines()).hasSize(3);
        assertThat(groups("--list", "--state", "Stable").lines()).containsExactly("GROUP           STATE");
        CliRun badState = groups("--list", "--state", "Sleepy");
        assertThat(badState.exitCode()).isEqualTo(2);
        assertThat(badState.errLines()).hasSize(1);
        assertThat(badState.err()).startsWith("Error: Unknown group state 'Sleepy'");
    }

    @Test
    void shouldDescribeAnActiveGroupsMembersAndStateAndRefuseToChangeIt() {
        Map<String, Object> settings = Map.of("bootstrap.servers", "file://" + dir, "group.id", "live",
                "client.id", "live-client", "auto.offset.reset", "earliest");
        try (RunnelConsumer<String, String> consumer = new RunnelConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("a"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(50));
                return !consumer.assignment().isEmpty();
            });
            consumer.commitSync(Map.of(new TopicPartition("a", 0), new OffsetAndMetadata(4)));

            CliRun offsets = groups("--describe", "--group", "live");
            assertThat(offsets.exitCode()).as(offsets.toString()).isZero();
            assertThat(offsets.err()).isEmpty();
            String[] row = offsets.lines().get(1).split(" +");
            assertThat(row).hasSize(9);
            assertThat(List.of(row).subList(0, 6)).containsExactly("live", "a", "0", "4", "5", "1");
            assertThat(row[6]).startsWith("live-client-");
            assertThat(row[8]).isEqualTo("live-client");

            CliRun members = groups("--describe", "--group", "live", "--members");
            assertThat(members.lines().get(0).split(" +")).containsExactly("GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID",
                    "#PARTITIONS");
            String[] member = members.lines().get(1).split(" +");
            assertThat(member[0]).isEqualTo("live");
            assertThat(member[3]).isEqualTo("live-client");
            assertThat(member[4]).isEqualTo("1");
            CliRun verbose = groups("--describe", "--group", "live", "--members", "--verbose");
            assertThat(verbose.lines().get(0)).endsWith("ASSIGNMENT");
            assertThat(verbose.lines().get(1)).endsWith(" a(0)");

            CliRun state = groups("--describe", "--group", "live", "--state");
            assertThat(state.lines().get(0).split("  +")).containsExactly("GROUP", "COORDINATOR (ID)",
                    "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS");
            assertThat(state.lines().get(1)).startsWith("live ").contains("(0)").contains("range").contains("Stable")
                    .endsWith(" 1");

            CliRun delete = groups("--delete", "--group", "live");
            assertThat(delete.exitCode()).isEqualTo(1);
            assertThat(delete.err()).isEqualTo("Error: Consumer group 'live' could not be deleted: it has active members "
                    + "(stop its consumers first)\n");

            CliRun reset = groups("--reset-offsets", "--group", "live", "--topic", "a", "--to-earliest", "--execute");
            assertThat(reset.exitCode()).isEqualTo(1);
            assertThat(reset.err()).isEqualTo("Error: Assignments can only be reset if the group 'live' is inactive, but "
                    + "the current state is Stable (stop its consumers first)\n");
        }
    }

    @Test
    void shouldShowResetPlansOnDryRunAndCommitThemOnExecute() throws Exception {
        CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "g", "--from-beginning", "--max-messages", "3");
        TopicPartition a0 = new TopicPartition("a", 0);

        CliRun dryRun = groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-earliest", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.lines()).hasSize(2);
        assertThat(dryRun.lines().get(0).split(" +")).containsExactly("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET");
        assertThat(dryRun.lines().get(1).split(" +")).containsExactly("g", "a", "0", "0");
        assertThat(committed("g")).containsEntry(a0, 3L);

        CliRun implicitDryRun = groups("--reset-offsets", "--group", "g", "--all-topics", "--to-latest");
        assertThat(implicitDryRun.lines().get(1).split(" +")).containsExactly("g", "a", "0", "5");
        assertThat(implicitDryRun.err()).startsWith("WARN: No action was performed as the --execute option is missing.");
        assertThat(committed("g")).containsEntry(a0, 3L);

        assertThat(groups("--reset-offsets", "--group", "g", "--topic", "a:0", "--to-earliest", "--execute").exitCode()).isZero();
        assertThat(committed("g")).containsEntry(a0, 0L);
        assertThat(CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "g", "--max-messages", "1").lines())
                .containsExactly("a0");

        groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-offset", "100", "--execute");
        assertThat(committed("g")).containsEntry(a0, 5L);
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--shift-by", "-2", "--execute");
        assertThat(committed("g")).containsEntry(a0, 3L);
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--shift-by", "-10", "--execute");
        assertThat(committed("g")).containsEntry(a0, 0L);
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-offset", "2", "--execute");
        assertThat(committed("g")).containsEntry(a0, 2L);
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-current", "--execute");
        assertThat(committed("g")).containsEntry(a0, 2L);
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-datetime", "2999-01-01T00:00:00.000Z", "--execute");
        assertThat(committed("g")).containsEntry(a0, 5L);
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-datetime", "2001-01-01T00:00:00.000", "--execute");
        assertThat(committed("g")).containsEntry(a0, 0L);
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-latest", "--execute");
        groups("--reset-offsets", "--group", "g", "--topic", "a", "--by-duration", "P3650D", "--execute");
        assertThat(committed("g")).containsEntry(a0, 0L);
        CliRun pt0 = groups("--reset-offsets", "--group", "g", "--topic", "a", "--by-duration", "PT0S", "--dry-run");
        assertThat(pt0.lines().get(1).split(" +")).containsExactly("g", "a", "0", "5");
    }

    @Test
    void shouldSetTheFirstOffsetsOfANewGroupAndResetEveryPartitionOfATopic() throws Exception {
        CliRun reset = groups("--reset-offsets", "--group", "fresh", "--topic", "b", "--to-earliest", "--execute");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.lines()).hasSize(3);
        assertThat(committed("fresh")).containsOnly(Map.entry(new TopicPartition("b", 0), 0L),
                Map.entry(new TopicPartition("b", 1), 0L));
    }

    @Test
    void shouldDeleteInactiveGroups() {
        CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "g", "--from-beginning", "--max-messages", "1");
        CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "h", "--from-beginning", "--max-messages", "1");
        CliRun deleted = groups("--delete", "--group", "g", "--group", "h");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEqualTo("Deletion of requested consumer groups ('g', 'h') was successful.\n");
        assertThat(groups("--list").lines()).isEmpty();

        CliRun missing = groups("--delete", "--group", "g");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Error: Consumer group 'g' does not exist\n");
    }

    @Test
    void shouldReportGroupMistakesAsOneLineErrors() {
        CliRun unknown = groups("--describe", "--group", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Error: Consumer group 'nope' does not exist ('runnel consumer-groups --list' "
                + "lists the groups)\n");

        assertUsageError(groups("--describe"), "Missing required option: '--group=<group>' (or --all-groups)");
        assertUsageError(groups("--reset-offsets", "--group", "g", "--topic", "a"),
                "--reset-offsets needs one of --to-earliest");
        assertUsageError(groups("--reset-offsets", "--group", "g", "--to-earliest"),
                "--reset-offsets needs either --topic or --all-topics");
        assertUsageError(groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-earliest", "--dry-run", "--execute"),
                "Options --dry-run and --execute cannot be specified together");
        assertUsageError(groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-earliest", "--to-latest"),
                "");
        assertUsageError(groups("--reset-offsets", "--group", "g", "--topic", "a", "--to-datetime", "yesterday"),
                "Invalid --to-datetime 'yesterday'");
        assertUsageError(groups("--reset-offsets", "--group", "g", "--topic", "a", "--by-duration", "1h"),
                "Invalid --by-duration '1h'");
        assertUsageError(groups("--describe", "--group", "g", "--to-earliest"), "Options --topic, --all-topics");
        assertUsageError(groups("--list", "--group", "g"), "--list takes no --group or --all-groups");

        CliRun shiftWithoutOffset = groups("--reset-offsets", "--group", "new", "--topic", "a", "--shift-by", "1");
        assertThat(shiftWithoutOffset.exitCode()).isEqualTo(1);
        assertThat(shiftWithoutOffset.err()).isEqualTo("Error: Cannot shift the offset of partition a-0: group 'new' has "
                + "no committed offset for it (use --to-earliest, --to-latest or --to-offset)\n");

        CliRun unknownTopic = groups("--reset-offsets", "--group", "g", "--topic", "zzz", "--to-earliest");
        assertThat(unknownTopic.exitCode()).isEqualTo(1);
        assertThat(unknownTopic.err()).contains("Error: Topic 'zzz' does not exist");

        CliRun unknownPartition = groups("--reset-offsets", "--group", "g", "--topic", "a:7", "--to-earliest");
        assertThat(unknownPartition.exitCode()).isEqualTo(1);
        assertThat(unknownPartition.err()).contains("Error: Partition 7 of topic 'a' does not exist (the topic has 1 partitions)");
    }

    private static void assertUsageError(CliRun run, String messageStart) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        List<String> errLines = run.errLines();
        assertThat(errLines).as(run.toString()).hasSize(1);
        assertThat(errLines.get(0)).startsWith("Error: " + messageStart).endsWith("(see 'runnel consumer-groups --help')");
    }
}
