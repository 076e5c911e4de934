package io.runnel.cli;

import io.runnel.cli.spi.RunnelSubcommand;
import picocli.CommandLine;

/** Test providers of the RunnelSubcommand SPI (listed in META-INF/services). */
final class TestSubcommands {

    private TestSubcommands() {
    }

    /** Registers {@code greet} as a picocli command object. */
    public static final class Greet implements RunnelSubcommand {
        @Override
        public String name() {
            return "greet";
        }

        @Override
        public Object command() {
            return new GreetCommand();
        }
    }

    /** Registers {@code wave} as a ready CommandLine. */
    public static final class Wave implements RunnelSubcommand {
        @Override
        public String name() {
            return "wave";
        }

        @Override
        public Object command() {
            return new CommandLine(new WaveCommand());
        }
    }

    /** Tries to take the built-in name {@code topics}: skipped with a warning. */
    public static final class Clash implements RunnelSubcommand {
        @Override
        public String name() {
            return "topics";
        }

        @Override
        public Object command() {
            return new WaveCommand();
        }
    }

    /** Prints a wave. */
    @CommandLine.Command(name = "wave", description = "Waves (a test extension).")
    static final class WaveCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().println("~~~");
        }
    }
}
