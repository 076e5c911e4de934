package io.runnel.cli.spi;

/**
 * A subcommand that a module above {@code cli} adds to the {@code runnel} command, found with
 * {@link java.util.ServiceLoader}. The samples module registers {@code runnel demo ...} this way: it cannot be
 * a built-in because {@code cli} sits below {@code samples} in the reactor.
 *
 * <p>To register one, implement this interface with a public no-argument constructor and list the class in
 * {@code META-INF/services/io.runnel.cli.spi.RunnelSubcommand}:
 * <pre>{@code
 * public final class DemoSubcommand implements RunnelSubcommand {
 *     public String name() { return "demo"; }
 *     public Object command() { return new DemoCommand(); }   // a picocli @Command object
 * }
 * }</pre>
 *
 * <p>The command runs under the {@code runnel} error policy: an exception it throws is printed as one
 * {@code Error: } line (its message) with exit code 1, a picocli {@code ParameterException} as a usage error with
 * exit code 2; throw {@link io.runnel.cli.CliException} for a failure you can explain. It inherits the
 * {@code --verbose} option and may use {@link io.runnel.cli.BootstrapServerOption} as a {@code @Mixin}. Print
 * through the picocli {@code CommandSpec}'s {@code commandLine().getOut()}/{@code getErr()} so that output can be
 * captured.
 *
 * <p>Providers are instantiated once per command line, on the thread building it. A provider that throws, or
 * whose name is taken by a built-in command or an earlier provider, is skipped with a warning on standard error.
 */
public interface RunnelSubcommand {

    /** @return the subcommand's name as typed after {@code runnel} (for example {@code demo}); not null */
    String name();

    /**
     * @return a fresh picocli command: an object of a class annotated with {@code @picocli.CommandLine.Command},
     *     or a {@code picocli.CommandLine} already built around one; not null
     */
    Object command();
}
