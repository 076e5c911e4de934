package io.runnel.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The RunnelSubcommand SPI, through the providers registered in this module's test resources. */
class ExtensionTest {

    @Test
    void shouldRunASubcommandFoundThroughServiceLoader() {
        CliRun greet = CliRun.run("greet", "--name", "Ada");
        assertThat(greet.exitCode()).as(greet.toString()).isZero();
        assertThat(greet.out()).isEqualTo("Hello, Ada!\n");
        assertThat(CliRun.run("--help").out()).contains("greet").contains("Greets someone (a test extension).");
        assertThat(CliRun.run("help", "greet").out()).startsWith("Usage: runnel greet");
    }

    @Test
    void shouldAcceptACommandLineObjectFromAProvider() {
        CliRun wave = CliRun.run("wave");
        assertThat(wave.exitCode()).isZero();
        assertThat(wave.out()).isEqualTo("~~~\n");
    }

    @Test
    void shouldApplyTheErrorPolicyAndTheInheritedVerboseOptionToExtensions() {
        CliRun failed = CliRun.run("greet", "--fail");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("Error: greeting failed on purpose\n");

        CliRun verbose = CliRun.run("greet", "--fail", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).startsWith("Error: greeting failed on purpose\n").contains("\tat io.runnel.cli.GreetCommand");

        CliRun misspelled = CliRun.run("greet", "--nam");
        assertThat(misspelled.exitCode()).isEqualTo(2);
        assertThat(misspelled.err()).isEqualTo("Error: Unknown option: '--nam'. Did you mean: --name? "
                + "(see 'runnel greet --help')\n");
    }

    @Test
    void shouldLetExtensionsUseTheBootstrapServerOption() {
        CliRun where = CliRun.withInput("", Map.of(Runnel.BOOTSTRAP_SERVER_ENV, "/var/lib/runnel"), "greet", "--where");
        assertThat(where.out()).isEqualTo("file:///var/lib/runnel\n");
        assertThat(CliRun.run("greet", "--where", "--bootstrap-server", "file:///elsewhere").out())
                .isEqualTo("file:///elsewhere\n");
    }

    @Test
    void shouldSkipAProviderWhoseNameIsTakenAndKeepTheBuiltIn() {
        CliRun topics = CliRun.run("topics", "--help");
        assertThat(topics.out()).contains("Usage: runnel topics [");
        assertThat(new Runnel().commandLine().getSubcommands().get("topics").getCommandSpec().userObject())
                .isInstanceOf(io.runnel.cli.internals.TopicsCommand.class);
    }
}
