package io.runnel.samples.flights;

import io.runnel.cli.spi.RunnelSubcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code runnel demo}: the demos, added to the {@code runnel} command through {@link RunnelSubcommand} (listed in
 * {@code META-INF/services/io.runnel.cli.spi.RunnelSubcommand}). Without a subcommand it prints its usage.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Run a demo pipeline on real data.",
        subcommands = FlightDelaysCommand.class)
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Creates the command. */
    public DemoCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Registers {@code runnel demo}. */
    public static final class Provider implements RunnelSubcommand {

        /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
        public Provider() {
        }

        @Override
        public String name() {
            return "demo";
        }

        @Override
        public Object command() {
            return new CommandLine(new DemoCommand());
        }
    }
}
