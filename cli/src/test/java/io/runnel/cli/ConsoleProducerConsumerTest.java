package io.runnel.cli;

import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.LongSerializer;
import io.runnel.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProducerConsumerTest {

    @TempDir
    Path dir;

    @BeforeEach
    void createTopic() {
        assertThat(CliRun.on(dir, "topics", "--create", "--topic", "t", "--partitions", "1").exitCode()).isZero();
    }

    private CliRun produce(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--topic";
        all[1] = "t";
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun run = CliRun.onWithInput(dir, stdin, "console-producer", all);
        return run;
    }

    private CliRun consume(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--topic";
        all[1] = "t";
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.on(dir, "console-consumer", all);
    }

    @Test
    void shouldProduceKeyedLinesAndConsumeThemBackWithEveryPrintProperty() {
        CliRun keyed = produce("a:1\nb:2\n", "--property", "parse.key=true", "--property", "key.separator=:");
        assertThat(keyed.exitCode()).as(keyed.toString()).isZero();
        assertThat(keyed.out()).isEmpty();
        assertThat(produce("plain\n").exitCode()).isZero();

        CliRun consumed = consume("--from-beginning", "--max-messages", "3",
                "--property", "print.timestamp=true", "--property", "print.partition=true",
                "--property", "print.offset=true", "--property", "print.headers=true",
                "--property", "print.key=true", "--property", "key.separator=|");
        assertThat(consumed.exitCode()).as(consumed.toString()).isZero();
        List<String> lines = consumed.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("CreateTime:\\d{13}\\|Partition:0\\|Offset:0\\|NO_HEADERS\\|a\\|1");
        assertThat(lines.get(1)).matches("CreateTime:\\d{13}\\|Partition:0\\|Offset:1\\|NO_HEADERS\\|b\\|2");
        assertThat(lines.get(2)).matches("CreateTime:\\d{13}\\|Partition:0\\|Offset:2\\|NO_HEADERS\\|null\\|plain");
        assertThat(consumed.err()).isEqualTo("Processed a total of 3 messages\n");
    }

    @Test
    void shouldPrintOnlyTheValueByDefaultAndHonourEveryFormatterSeparator() {
        produce("h1:x,h2:y\tk\tv\n", "--property", "parse.headers=true", "--property", "parse.key=true");
        assertThat(consume("--from-beginning", "--max-messages", "1").out()).isEqualTo("v\n");
        assertThat(consume("--from-beginning", "--max-messages", "1", "--property", "print.headers=true",
                "--property", "print.key=true").out()).isEqualTo("h1:x,h2:y\tk\tv\n");
        assertThat(consume("--from-beginning", "--max-messages", "1", "--property", "print.headers=true",
                "--property", "headers.separator=;", "--property", "print.value=false", "--property", "print.offset=true",
                "--property", "line.separator=#").out()).isEqualTo("Offset:0\th1:x;h2:y#");
    }

    @Test
    void shouldTurnTheNullMarkerIntoNullKeysValuesAndHeaderValues() {
        produce("h:NULL\tNULL\tNULL\n", "--property", "parse.headers=true", "--property", "parse.key=true",
                "--property", "null.marker=NULL");
        CliRun consumed = consume("--from-beginning", "--max-messages", "1", "--property", "print.headers=true",
                "--property", "print.key=true", "--property", "null.literal=<nil>");
        assertThat(consumed.out()).isEqualTo("h:<nil>\t<nil>\t<nil>\n");
    }

    @Test
    void shouldKeepTextAsUtf8() {
        produce("clé:héllo ✓\n", "--property", "parse.key=true", "--property", "key.separator=:");
        assertThat(consume("--from-beginning", "--max-messages", "1", "--property", "print.key=true").out())
                .isEqualTo("clé\théllo ✓\n");
    }

    @Test
    void shouldReadOnePartitionFromAGivenOffsetWithoutAGroup() {
        produce("r0\nr1\nr2\nr3\n");
        assertThat(consume("--partition", "0", "--offset", "2", "--max-messages", "2").lines()).containsExactly("r2", "r3");
        assertThat(consume("--partition", "0", "--offset", "earliest", "--max-messages", "1").lines()).containsExactly("r0");
        assertThat(consume("--partition", "0", "--from-beginning", "--max-messages", "4").lines()).hasSize(4);
        CliRun latest = consume("--partition", "0", "--timeout-ms", "100");
        assertThat(latest.exitCode()).isZero();
        assertThat(latest.out()).isEmpty();
        assertThat(CliRun.on(dir, "consumer-groups", "--list").lines()).isEmpty();
    }

    @Test
    void shouldStopAfterTheTimeoutWhenNoRecordArrives() {
        CliRun idle = consume("--from-beginning", "--timeout-ms", "200");
        assertThat(idle.exitCode()).isZero();
        assertThat(idle.out()).isEmpty();
        assertThat(idle.err()).isEqualTo("Processed a total of 0 messages\n");
    }

    @Test
    void shouldCommitExactlyWhatItPrintedForANamedGroupAndNothingWithoutOne() {
        produce("r0\nr1\nr2\nr3\nr4\n");
        assertThat(consume("--group", "g", "--from-beginning", "--max-messages", "3").lines())
                .containsExactly("r0", "r1", "r2");
        assertThat(consume("--group", "g", "--from-beginning", "--max-messages", "2").lines())
                .containsExactly("r3", "r4");
        assertThat(consume("--group", "g", "--from-beginning", "--timeout-ms", "100").lines()).isEmpty();

        assertThat(consume("--from-beginning", "--max-messages", "5").lines()).hasSize(5);
        assertThat(CliRun.on(dir, "consumer-groups", "--list").lines()).containsExactly("g");
    }

    @Test
    void shouldPrintValuesThroughAGivenDeserializerAcceptingKafkaClassNames() {
        try (RunnelProducer<String, Long> producer = new RunnelProducer<>(Map.of("bootstrap.servers", "file://" + dir),
                new StringSerializer(), new LongSerializer())) {
            producer.send(new ProducerRecord<>("t", "count", 42L));
        }
        CliRun consumed = consume("--from-beginning", "--max-messages", "1", "--property", "print.key=true",
                "--value-deserializer", "org.apache.kafka.common.serialization.LongDeserializer");
        assertThat(consumed.out()).isEqualTo("count\t42\n");
        CliRun viaProperty = consume("--from-beginning", "--max-messages", "1",
                "--property", "value.deserializer=io.runnel.common.serialization.LongDeserializer");
        assertThat(viaProperty.out()).isEqualTo("42\n");

        CliRun missingClass = consume("--from-beginning", "--max-messages", "1", "--value-deserializer", "no.Such");
        assertThat(missingClass.exitCode()).isEqualTo(1);
        assertThat(missingClass.errLines()).hasSize(1);
        assertThat(missingClass.err()).startsWith("Error: Could not create the value.deserializer no.Such");
    }

    @Test
    void shouldStopAtALineWithoutKeySeparatorAfterSendingTheLinesBeforeIt() {
        CliRun failed = produce("a:1\noops\nc:3\n", "--property", "parse.key=true", "--property", "key.separator=:");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("Error: No key separator found on line number 2: 'oops'\n");
        assertThat(consume("--from-beginning", "--timeout-ms", "200").lines()).containsExactly("1");

        CliRun tolerant = produce("oops\n", "--property", "parse.key=true", "--property", "key.separator=:",
                "--property", "ignore.error=true");
        assertThat(tolerant.exitCode()).isZero();
        assertThat(consume("--partition", "0", "--offset", "1", "--max-messages", "1", "--property", "print.key=true")
                .out()).isEqualTo("null\toops\n");
    }

    @Test
    void shouldSendSynchronouslyWithProducerSettingsFromFlagsFilesAndProperties() throws Exception {
        Path config = dir.resolveSibling(dir.getFileName() + "-producer.properties");
        java.nio.file.Files.writeString(config, "linger.ms=0\nclient.id=from-file\n");
        try {
            CliRun sync = produce("x\ny\n", "--sync", "--producer.config", config.toString(),
                    "--producer-property", "acks=1", "--compression-codec");
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(consume("--from-beginning", "--max-messages", "2").lines()).containsExactly("x", "y");
        } finally {
            java.nio.file.Files.deleteIfExists(config);
        }
        CliRun badSetting = produce("x\n", "--producer-property", "acks=2");
        assertThat(badSetting.exitCode()).isEqualTo(1);
        assertThat(badSetting.errLines()).hasSize(1);
        assertThat(badSetting.err()).startsWith("Error: ").contains("acks");

        CliRun missingFile = produce("x\n", "--producer.config", "/no/such/file.properties");
        assertThat(missingFile.exitCode()).isEqualTo(1);
        assertThat(missingFile.err()).isEqualTo("Error: The --producer.config file /no/such/file.properties does not exist\n");
    }

    @Test
    void shouldReportConsumerMistakesAsOneLineErrors() {
        CliRun unknownTopic = CliRun.on(dir, "console-consumer", "--topic", "nope", "--from-beginning");
        assertThat(unknownTopic.exitCode()).isEqualTo(1);
        assertThat(unknownTopic.err()).isEqualTo(
                "Error: Topic 'nope' does not exist (create it with 'runnel topics --create --topic nope' or produce to it; "
                        + "'runnel topics --list' lists the topics)\n");
        assertThat(CliRun.on(dir, "topics", "--list").lines()).containsExactly("t");

        CliRun offsetWithoutPartition = consume("--offset", "3");
        assertThat(offsetWithoutPartition.exitCode()).isEqualTo(2);
        assertThat(offsetWithoutPartition.err()).isEqualTo("Error: The partition is required when offset is specified. "
                + "(see 'runnel console-consumer --help')\n");

        CliRun groupAndPartition = consume("--group", "g", "--partition", "0");
        assertThat(groupAndPartition.exitCode()).isEqualTo(2);
        assertThat(groupAndPartition.err()).startsWith("Error: Options group and partition cannot be specified together.");

        CliRun badOffset = consume("--partition", "0", "--offset", "soon");
        assertThat(badOffset.exitCode()).isEqualTo(2);
        assertThat(badOffset.err()).startsWith("Error: The provided offset value 'soon' is incorrect.");

        CliRun noSuchPartition = consume("--partition", "4", "--offset", "earliest");
        assertThat(noSuchPartition.exitCode()).isEqualTo(1);
        assertThat(noSuchPartition.err())
                .isEqualTo("Error: Partition 4 of topic 't' does not exist (the topic has 1 partition)\n");

        CliRun noTopic = CliRun.on(dir, "console-consumer", "--from-beginning");
        assertThat(noTopic.exitCode()).isEqualTo(2);
        assertThat(noTopic.errLines()).hasSize(1);
        assertThat(noTopic.err()).contains("--topic").contains("--include");

        CliRun conflictingReset = consume("--from-beginning", "--consumer-property", "auto.offset.reset=latest");
        assertThat(conflictingReset.exitCode()).isEqualTo(2);
        assertThat(conflictingReset.err()).startsWith("Error: Can't simultaneously specify --from-beginning and "
                + "'auto.offset.reset=latest'");
    }

    @Test
    void shouldConsumeEveryTopicMatchingAnIncludePattern() {
        CliRun.on(dir, "topics", "--create", "--topic", "t2");
        produce("one\n");
        CliRun.onWithInput(dir, "two\n", "console-producer", "--topic", "t2");
        CliRun.onWithInput(dir, "other\n", "console-producer", "--topic", "x");
        CliRun consumed = CliRun.on(dir, "console-consumer", "--include", "t.*", "--from-beginning", "--max-messages", "2");
        assertThat(consumed.exitCode()).as(consumed.toString()).isZero();
        assertThat(consumed.lines()).containsExactlyInAnyOrder("one", "two");
        CliRun inGroup = CliRun.on(dir, "console-consumer", "--include", "t.*", "--group", "pattern", "--from-beginning",
                "--max-messages", "2");
        assertThat(inGroup.lines()).containsExactlyInAnyOrder("one", "two");

        CliRun none = CliRun.on(dir, "console-consumer", "--include", "nothing.*");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("Error: No topic matches --include 'nothing.*' ('runnel topics --list' lists the topics)\n");
    }
}
