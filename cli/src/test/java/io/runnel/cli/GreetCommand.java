package io.runnel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A subcommand registered by a test provider, as samples registers {@code demo}. */
@Command(name = "greet", description = "Greets someone (a test extension).", mixinStandardHelpOptions = true)
public final class GreetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BootstrapServerOption bootstrap;

    @Option(names = "--name", description = "Who to greet.", defaultValue = "world")
    String name;

    @Option(names = "--fail", description = "Fail instead.")
    boolean fail;

    @Option(names = "--where", description = "Print the bootstrap servers instead.")
    boolean where;

    @Override
    public Integer call() {
        if (fail) {
            throw new CliException("greeting failed on purpose");
        }
        spec.commandLine().getOut().println(where ? bootstrap.bootstrapServers() : "Hello, " + name + "!");
        return 0;
    }
}
