package io.runnel.cli;

import io.runnel.cli.internals.CliErrorHandler;
import io.runnel.cli.internals.ConnectStandaloneCommand;
import io.runnel.cli.internals.ConsoleConsumerCommand;
import io.runnel.cli.internals.ConsoleProducerCommand;
import io.runnel.cli.internals.ConsumerGroupsCommand;
import io.runnel.cli.internals.DumpLogCommand;
import io.runnel.cli.internals.Extensions;
import io.runnel.cli.internals.LoggingSetup;
import io.runnel.cli.internals.TopicsCommand;
import io.runnel.cli.internals.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/*
 * Design notes for maintainers.
 *
 * The command is a tree of picocli commands. Built-in subcommands are named in the @Command annotation, so
 * `new CommandLine(new Runnel())` already knows them; commandLine() adds what an annotation cannot carry:
 * subcommands found through ServiceLoader (the RunnelSubcommand SPI: samples registers `demo` this way, since
 * samples sits above cli in the reactor and cli may not depend on it), and the error policy.
 *
 * Error policy: every failure is one line on stderr starting with "Error: " and a non-zero exit code, never a
 * stack trace unless --verbose. Usage mistakes (unknown option, missing option, bad value) exit with 2 and name
 * the --help of the command that failed; everything else exits with 1. Commands throw CliException for errors
 * they detect themselves and let client exceptions (RunnelException and subclasses) through: their messages
 * already say what went wrong and what to do, so the handler prints them unchanged.
 *
 * Standard input and the environment are fields of this object so that tests can run the whole command line
 * in-process with a given stdin and environment; subcommands reach them through @ParentCommand.
 *
 * Logging: the CLI selects its own Logback configuration (io/runnel/cli/logback-cli.xml: stderr, WARN) through
 * the logback.configurationFile system property in main(), before any logger exists; --verbose (INFO) and
 * RUNNEL_LOG_LEVEL raise the level. Only main() touches logging; in-process callers keep their own.
 */

/**
 * The {@code runnel} command: Kafka's command-line tools for the embedded log ({@code topics},
 * {@code console-producer}, {@code console-consumer}, {@code consumer-groups}, {@code dump-log},
 * {@code connect-standalone}), plus any subcommand registered through
 * {@link io.runnel.cli.spi.RunnelSubcommand}.
 *
 * <p>Run it from a shell with {@code bin/runnel}, or in-process:
 * <pre>{@code
 * CommandLine cli = new Runnel(stdin, Map.of()).commandLine();
 * cli.setOut(out).setErr(err);
 * int exitCode = cli.execute("topics", "--bootstrap-server", "/tmp/runnel", "--list");
 * }</pre>
 *
 * <p>Exit codes: 0 on success, 1 when a command fails, 2 for a usage error (unknown or missing option, bad
 * value). Errors are printed as one line on standard error starting with {@code Error: }; {@code --verbose} adds
 * the stack trace and raises logging to INFO.
 *
 * <p>Not thread-safe: one command line per thread.
 */
@Command(name = "runnel",
        versionProvider = VersionProvider.class,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Runnel: a partitioned log with Kafka's clients, Streams and Connect, in one JVM.",
        description = {
                "Kafka's command-line tools for a Runnel log directory. Point them at the directory with "
                        + "--bootstrap-server file:///path (a bare path works too) or the RUNNEL_BOOTSTRAP_SERVER "
                        + "variable. Only one process opens a log directory at a time: run the commands one after the "
                        + "other (dump-log excepted: it only reads files).", ""},
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  RUNNEL_BOOTSTRAP_SERVER  default for --bootstrap-server",
                "  RUNNEL_LOG_LEVEL         ERROR, WARN (default), INFO, DEBUG or TRACE",
                "  RUNNEL_JAVA_OPTS         JVM options used by bin/runnel",
                "",
                "Run 'runnel help <command>' for a command's options."},
        subcommands = {
                CommandLine.HelpCommand.class,
                TopicsCommand.class,
                ConsoleProducerCommand.class,
                ConsoleConsumerCommand.class,
                ConsumerGroupsCommand.class,
                DumpLogCommand.class,
                ConnectStandaloneCommand.class})
public final class Runnel implements Callable<Integer> {

    /** The environment variable that supplies a default for {@code --bootstrap-server}. */
    public static final String BOOTSTRAP_SERVER_ENV = "RUNNEL_BOOTSTRAP_SERVER";

    /** The environment variable that sets the log level (SLF4J level names); WARN when unset. */
    public static final String LOG_LEVEL_ENV = "RUNNEL_LOG_LEVEL";

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors and log at INFO (RUNNEL_LOG_LEVEL sets other levels).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;
    private final Map<String, String> environment;

    /** Uses the process's standard input and environment. */
    public Runnel() {
        this(System.in, System.getenv());
    }

    /**
     * @param stdin       what {@code console-producer} reads
     * @param environment the environment variables the commands consult ({@link #BOOTSTRAP_SERVER_ENV})
     */
    public Runnel(InputStream stdin, Map<String, String> environment) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.environment = Map.copyOf(environment);
    }

    /** @return the standard input given at construction */
    public InputStream stdin() {
        return stdin;
    }

    /** @return the environment given at construction (immutable) */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Builds the complete command line around this object: the built-in subcommands, the subcommands found
     * through {@link io.runnel.cli.spi.RunnelSubcommand} providers on the class path (a provider that fails or
     * takes a built-in name is skipped with a warning on standard error), and the error policy (one
     * {@code Error: } line, exit codes 1 and 2).
     *
     * @return a new command line; set its output and error writers before executing it if needed
     */
    public CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this);
        Extensions.register(commandLine, Thread.currentThread().getContextClassLoader());
        CliErrorHandler handler = new CliErrorHandler();
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Without a subcommand: print the usage on standard error and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /**
     * Runs the command line with the process's standard streams (UTF-8) and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        LoggingSetup.configure(args, System.getenv());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new Runnel().commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }
}
