package io.runnel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTest {

    @TempDir
    Path dir;

    @Test
    void shouldSuggestTheClosestOptionForAMisspelledOne() {
        CliRun run = CliRun.on(dir, "topics", "--lisst");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Unknown option: '--lisst'. Did you mean: --list? (see 'runnel topics --help')\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldNameAnUnknownCommand() {
        CliRun run = CliRun.run("topicz");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("Error: Unmatched argument at index 0: 'topicz'").contains("topics")
                .endsWith("(see 'runnel --help')\n");
    }

    @Test
    void shouldPrintUsageWithoutACommandAndHelpForEveryCommand() {
        CliRun bare = CliRun.run();
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("Usage: runnel").contains("topics").contains("console-producer")
                .contains("console-consumer").contains("consumer-groups").contains("dump-log").contains("connect-standalone");

        for (String command : List.of("topics", "console-producer", "console-consumer", "consumer-groups", "dump-log",
                "connect-standalone")) {
            CliRun help = CliRun.run("help", command);
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: runnel " + command + " ");
            assertThat(CliRun.run(command, "--help").out()).as(command).isEqualTo(help.out());
        }
    }

    @Test
    void shouldDescribeEveryOptionOfEveryCommand() {
        picocli.CommandLine commandLine = new Runnel().commandLine();
        for (picocli.CommandLine sub : commandLine.getSubcommands().values()) {
            for (picocli.CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
                assertThat(String.join(" ", option.description()))
                        .as(sub.getCommandName() + " " + option.longestName()).isNotBlank();
            }
        }
    }

    @Test
    void shouldPrintTheVersion() {
        CliRun version = CliRun.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.lines().get(0)).matches("runnel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(version.lines().get(1)).startsWith("Java " + Runtime.version());
        assertThat(CliRun.run("topics", "--version").out()).isEqualTo(version.out());
    }

    @Test
    void shouldPrintTheStackTraceOnlyWhenVerbose() {
        CliRun quiet = CliRun.on(dir, "topics", "--describe", "--topic", "nope");
        assertThat(quiet.errLines()).hasSize(1);
        CliRun verbose = CliRun.on(dir, "topics", "--describe", "--topic", "nope", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.errLines().get(0)).isEqualTo(quiet.errLines().get(0));
        assertThat(verbose.err()).contains("io.runnel.cli.CliException").contains("\tat io.runnel.cli.internals.TopicsCommand");
    }

    @Test
    void shouldNameTheProcessHoldingTheLogDirectoryAndStillDumpItsSegments() throws Exception {
        CliRun.on(dir, "topics", "--create", "--topic", "t", "--partitions", "1");
        CliRun.onWithInput(dir, "one\ntwo\n", "console-producer", "--topic", "t");
        Process holder = ChildJvm.builder(List.of("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), LockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader childOut = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String ready = childOut.readLine();
            assertThat(ready).as("the child opened the log").startsWith("ready ");
            String pid = ready.split(" ")[1];

            String expectedStart = "Error: Log directory " + dir.toRealPath() + " is already in use by process " + pid + "@";
            for (CliRun run : List.of(CliRun.on(dir, "topics", "--list"),
                    CliRun.onWithInput(dir, "x\n", "console-producer", "--topic", "t"),
                    CliRun.on(dir, "console-consumer", "--topic", "t", "--from-beginning"),
                    CliRun.on(dir, "consumer-groups", "--list"))) {
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
                assertThat(run.errLines()).as(run.toString()).hasSize(1);
                assertThat(run.err()).as(run.toString()).startsWith(expectedStart);
                assertThat(run.out()).isEmpty();
            }
            CliRun verbose = CliRun.on(dir, "topics", "--list", "--verbose");
            assertThat(verbose.err()).startsWith(expectedStart).contains("RunnelStorageException").contains("\tat ");

            CliRun dump = CliRun.run("dump-log", "--files", dir.resolve("t-0/00000000000000000000.log").toString(),
                    "--print-data-log");
            assertThat(dump.exitCode()).as(dump.toString()).isZero();
            assertThat(dump.out()).contains("payload: one").contains("payload: two");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(holder.exitValue()).isZero();
        assertThat(CliRun.on(dir, "topics", "--list").lines()).containsExactly("t");
        assertThat(Files.exists(dir.resolve(".lock"))).isTrue();
    }
}
