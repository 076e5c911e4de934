package io.runnel.cli;

import io.runnel.cli.internals.VersionProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs Runnel.main in a child JVM with Logback, as bin/runnel does: exit codes and clean standard streams. */
class MainProcessTest {

    @TempDir
    Path dir;

    private CliRun main(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = ChildJvm.withLogback(false, Runnel.class.getName(), args);
        builder.environment().remove("RUNNEL_LOG_LEVEL");
        builder.environment().remove(Runnel.BOOTSTRAP_SERVER_ENV);
        return ChildJvm.run(builder, environment);
    }

    @Test
    void shouldPrintTheVersionAndExitWithZero() throws Exception {
        CliRun version = main(Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.lines().get(0)).isEqualTo("runnel " + VersionProvider.runnelVersion());
        assertThat(version.err()).isEmpty();
    }

    @Test
    void shouldKeepStandardStreamsFreeOfLogsByDefaultAndLogToStderrWhenRaised() throws Exception {
        CliRun quiet = main(Map.of(), "topics", "--bootstrap-server", dir.toString(), "--create", "--topic", "t");
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).isEqualTo("Created topic t.\n");
        assertThat(quiet.err()).isEmpty();

        CliRun logged = main(Map.of("RUNNEL_LOG_LEVEL", "info"), "topics", "--bootstrap-server", dir.toString(), "--list");
        assertThat(logged.exitCode()).as(logged.toString()).isZero();
        assertThat(logged.out()).isEqualTo("t\n");
        assertThat(logged.err()).contains(" INFO ");

        CliRun verbose = main(Map.of(), "topics", "--bootstrap-server", dir.toString(), "--list", "--verbose");
        assertThat(verbose.out()).isEqualTo("t\n");
        assertThat(verbose.err()).contains(" INFO ");
    }

    @Test
    void shouldPrintWarningsOnStandardError() throws Exception {
        CliRun run = ChildJvm.run(ChildJvm.withLogback(true, Runnel.class.getName(), "--version"), Map.of());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("runnel ");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(" WARN ").contains("Skipping runnel subcommand provider "
                + "io.runnel.cli.TestSubcommands$Clash: the name 'topics' is already taken");
    }

    @Test
    void shouldExitWithTheCommandsExitCode() throws Exception {
        CliRun failed = main(Map.of(), "topics", "--bootstrap-server", dir.toString(), "--describe", "--topic", "nope");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.errLines()).hasSize(1);
        CliRun usage = main(Map.of(), "topics", "--lisst");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.errLines()).hasSize(1);
    }

    @Test
    void shouldReadStandardInputAsUtf8AndWriteUtf8() throws Exception {
        ProcessBuilder produce = ChildJvm.withLogback(false, Runnel.class.getName(), "console-producer",
                "--bootstrap-server", dir.toString(), "--topic", "u");
        Process process = produce.start();
        process.getOutputStream().write("ünïcødé ✓\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        CliRun consumed = main(Map.of(), "console-consumer", "--bootstrap-server", dir.toString(), "--topic", "u",
                "--from-beginning", "--max-messages", "1");
        assertThat(consumed.out()).isEqualTo("ünïcødé ✓\n");
        assertThat(consumed.err()).isEqualTo("Processed a total of 1 messages\n");
    }
}
