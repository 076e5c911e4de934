package io.runnel.cli;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldCreateListDescribeAlterAndDeleteTopics() {
        CliRun created = CliRun.on(dir, "topics", "--create", "--topic", "orders", "--partitions", "3",
                "--config", "retention.ms=86400000", "--config", "cleanup.policy=compact");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).isEqualTo("Created topic orders.\n");
        assertThat(CliRun.on(dir, "topics", "--create", "--topic", "payments").exitCode()).isZero();

        CliRun listed = CliRun.on(dir, "topics", "--list");
        assertThat(listed.lines()).containsExactly("orders", "payments");

        CliRun described = CliRun.on(dir, "topics", "--describe", "--topic", "orders");
        assertThat(described.exitCode()).as(described.toString()).isZero();
        List<String> lines = described.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("Topic: orders\tTopicId: [A-Za-z0-9_-]{22}\tPartitionCount: 3\t"
                + "ReplicationFactor: 1\tConfigs: .*");
        assertThat(lines.get(0).substring(lines.get(0).indexOf("Configs: ") + 9).split(","))
                .containsExactlyInAnyOrder("cleanup.policy=compact", "retention.ms=86400000");
        for (int p = 0; p < 3; p++) {
            assertThat(lines.get(1 + p)).isEqualTo("\tTopic: orders\tPartition: " + p
                    + "\tLeader: 0\tReplicas: 0\tIsr: 0\tElr: N/A\tLastKnownElr: N/A");
        }

        CliRun altered = CliRun.on(dir, "topics", "--alter", "--topic", "orders", "--partitions", "5",
                "--config", "retention.ms=1000", "--delete-config", "cleanup.policy");
        assertThat(altered.exitCode()).as(altered.toString()).isZero();
        assertThat(altered.out()).isEqualTo("Altered topic orders.\n");
        List<String> after = CliRun.on(dir, "topics", "--describe", "--topic", "orders").lines();
        assertThat(after.get(0)).contains("PartitionCount: 5").endsWith("Configs: retention.ms=1000");
        assertThat(after).hasSize(6);

        CliRun deleted = CliRun.on(dir, "topics", "--delete", "--topic", "orders");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEqualTo("Deleted topic orders.\n");
        assertThat(CliRun.on(dir, "topics", "--list").lines()).containsExactly("payments");
    }

    @Test
    void shouldCreateWithTheLogsDefaultPartitionCountWhenPartitionsAreNotGiven() throws Exception {
        assertThat(CliRun.on(dir, "topics", "--create", "--topic", "plain").exitCode()).isZero();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "file://" + dir))) {
            TopicDescription description = admin.describeTopics(List.of("plain")).allTopicNames().get().get("plain");
            assertThat(description.partitions()).hasSize(1);
        }
    }

    @Test
    void shouldDescribeEveryTopicAndListInternalTopicsUnlessExcluded() {
        CliRun.on(dir, "topics", "--create", "--topic", "a");
        CliRun.on(dir, "topics", "--create", "--topic", "b", "--partitions", "2");
        CliRun.onWithInput(dir, "x\n", "console-producer", "--topic", "a");
        CliRun.on(dir, "console-consumer", "--topic", "a", "--group", "g", "--from-beginning", "--max-messages", "1");

        assertThat(CliRun.on(dir, "topics", "--list").lines()).containsExactly("__consumer_offsets", "a", "b");
        assertThat(CliRun.on(dir, "topics", "--list", "--exclude-internal").lines()).containsExactly("a", "b");
        List<String> described = CliRun.on(dir, "topics", "--describe", "--exclude-internal").lines();
        assertThat(described).filteredOn(l -> l.startsWith("Topic: ")).hasSize(2);
        assertThat(described).filteredOn(l -> l.startsWith("\tTopic: ")).hasSize(3);
    }

    @Test
    void shouldMatchTopicsByRegularExpressionExceptOnCreate() {
        for (String t : List.of("tmp-a", "tmp-b", "keep")) {
            CliRun.on(dir, "topics", "--create", "--topic", t);
        }
        assertThat(CliRun.on(dir, "topics", "--list", "--topic", "tmp-.*").lines()).containsExactly("tmp-a", "tmp-b");
        CliRun deleted = CliRun.on(dir, "topics", "--delete", "--topic", "tmp-.*");
        assertThat(deleted.lines()).containsExactly("Deleted topic tmp-a.", "Deleted topic tmp-b.");
        assertThat(CliRun.on(dir, "topics", "--list").lines()).containsExactly("keep");

        CliRun badName = CliRun.on(dir, "topics", "--create", "--topic", "tmp-.*");
        assertThat(badName.exitCode()).isEqualTo(1);
        assertThat(badName.errLines()).hasSize(1);
        assertThat(badName.err()).startsWith("Error: ").contains("tmp-.*");
    }

    @Test
    void shouldHonourIfNotExistsAndIfExists() {
        CliRun.on(dir, "topics", "--create", "--topic", "t");
        CliRun again = CliRun.on(dir, "topics", "--create", "--topic", "t");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Error: Topic 't' already exists (add --if-not-exists to ignore an existing topic)\n");

        CliRun quiet = CliRun.on(dir, "topics", "--create", "--topic", "t", "--if-not-exists");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out()).isEmpty();

        for (String action : List.of("--describe", "--delete")) {
            CliRun missing = CliRun.on(dir, "topics", action, "--topic", "nope");
            assertThat(missing.exitCode()).as(action).isEqualTo(1);
            assertThat(missing.err()).isEqualTo("Error: Topic 'nope' does not exist (add --if-exists to ignore a missing "
                    + "topic; 'runnel topics --list' lists the topics)\n");
            assertThat(missing.out()).isEmpty();
            CliRun ignored = CliRun.on(dir, "topics", action, "--topic", "nope", "--if-exists");
            assertThat(ignored.exitCode()).as(action).isZero();
            assertThat(ignored.out()).isEmpty();
        }
        assertThat(CliRun.on(dir, "topics", "--alter", "--topic", "nope", "--partitions", "2").exitCode()).isEqualTo(1);
        assertThat(CliRun.on(dir, "topics", "--alter", "--topic", "nope", "--partitions", "2", "--if-exists").exitCode()).isZero();
    }

    @Test
    void shouldShowOnlyTopicsWithOverridesWhenAsked() {
        CliRun.on(dir, "topics", "--create", "--topic", "plain");
        CliRun.on(dir, "topics", "--create", "--topic", "tuned", "--config", "segment.bytes=1048576");
        CliRun overrides = CliRun.on(dir, "topics", "--describe", "--topics-with-overrides");
        assertThat(overrides.lines()).hasSize(1);
        assertThat(overrides.lines().get(0)).startsWith("Topic: tuned\t").endsWith("Configs: segment.bytes=1048576");
    }

    @Test
    void shouldReportBadTopicRequestsAsOneLineErrors() {
        CliRun.on(dir, "topics", "--create", "--topic", "t", "--partitions", "3");

        CliRun badConfigSyntax = CliRun.on(dir, "topics", "--create", "--topic", "u", "--config", "retention.ms");
        assertThat(badConfigSyntax.exitCode()).isEqualTo(2);
        assertThat(badConfigSyntax.err()).isEqualTo("Error: Invalid value for option '--config': 'retention.ms' is not "
                + "of the form key=value (see 'runnel topics --help')\n");

        CliRun badConfigValue = CliRun.on(dir, "topics", "--create", "--topic", "u", "--config", "retention.ms=soon");
        assertThat(badConfigValue.exitCode()).isEqualTo(1);
        assertThat(badConfigValue.errLines()).hasSize(1);
        assertThat(badConfigValue.err()).startsWith("Error: ").contains("retention.ms").contains("soon");

        CliRun unknownConfig = CliRun.on(dir, "topics", "--create", "--topic", "u", "--config", "no.such.setting=1");
        assertThat(unknownConfig.exitCode()).isEqualTo(1);
        assertThat(unknownConfig.err()).startsWith("Error: ").contains("no.such.setting");

        CliRun replicated = CliRun.on(dir, "topics", "--create", "--topic", "u", "--replication-factor", "3");
        assertThat(replicated.exitCode()).isEqualTo(1);
        assertThat(replicated.errLines()).hasSize(1);
        assertThat(replicated.err()).startsWith("Error: ").containsIgnoringCase("replication");

        CliRun shrink = CliRun.on(dir, "topics", "--alter", "--topic", "t", "--partitions", "2");
        assertThat(shrink.exitCode()).isEqualTo(1);
        assertThat(shrink.errLines()).hasSize(1);
        assertThat(shrink.err()).startsWith("Error: ");

        CliRun noTopic = CliRun.on(dir, "topics", "--create", "--partitions", "2");
        assertThat(noTopic.exitCode()).isEqualTo(2);
        assertThat(noTopic.err()).isEqualTo("Error: Missing required option: '--topic=<topic>' (see 'runnel topics --help')\n");

        CliRun noAction = CliRun.on(dir, "topics", "--topic", "t");
        assertThat(noAction.exitCode()).isEqualTo(2);
        assertThat(noAction.errLines()).hasSize(1);
        assertThat(noAction.err()).startsWith("Error: Missing required argument").contains("--create").contains("--list");

        CliRun twoActions = CliRun.on(dir, "topics", "--list", "--delete");
        assertThat(twoActions.exitCode()).isEqualTo(2);
        assertThat(twoActions.errLines()).hasSize(1);

        CliRun misplaced = CliRun.on(dir, "topics", "--list", "--partitions", "3");
        assertThat(misplaced.exitCode()).isEqualTo(2);
        assertThat(misplaced.err()).isEqualTo("Error: Option '--partitions' can only be used with --create or --alter "
                + "(see 'runnel topics --help')\n");

        CliRun zero = CliRun.on(dir, "topics", "--create", "--topic", "z", "--partitions", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("The partitions must be greater than 0");

        CliRun notANumber = CliRun.on(dir, "topics", "--create", "--topic", "z", "--partitions", "three");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.errLines()).hasSize(1);
        assertThat(notANumber.err()).startsWith("Error: Invalid value for option '--partitions': 'three' is not an int");
    }

    @Test
    void shouldTakeTheBootstrapServerFromABarePathOrTheEnvironment() {
        CliRun bare = CliRun.run("topics", "--bootstrap-server", dir.toString(), "--create", "--topic", "bare");
        assertThat(bare.exitCode()).as(bare.toString()).isZero();
        CliRun fromEnvironment = CliRun.withInput("", Map.of(Runnel.BOOTSTRAP_SERVER_ENV, dir.toString()), "topics", "--list");
        assertThat(fromEnvironment.lines()).containsExactly("bare");

        CliRun missing = CliRun.run("topics", "--list");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("Error: Missing required option: '--bootstrap-server=<server>' (or set "
                + "RUNNEL_BOOTSTRAP_SERVER) (see 'runnel topics --help')\n");
    }

    @Test
    void shouldRefuseANetworkAddressUntilTheServerExists() {
        CliRun network = CliRun.run("topics", "--bootstrap-server", "localhost:9092", "--list");
        assertThat(network.exitCode()).isEqualTo(1);
        assertThat(network.errLines()).hasSize(1);
        assertThat(network.err()).startsWith("Error: ").contains("localhost:9092");
    }
}
