package io.runnel.cli.internals;

import io.runnel.cli.spi.RunnelSubcommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Adds the subcommands of {@link RunnelSubcommand} providers to a command line. */
public final class Extensions {

    private static final Logger LOG = LoggerFactory.getLogger(Extensions.class);
    private static final int MAX_PROVIDER_ERRORS = 100;

    private Extensions() {
    }

    /**
     * Registers every provider found by {@link ServiceLoader} in a class loader. A provider that cannot be loaded,
     * throws, returns null, or takes a name already in use is skipped with a warning.
     *
     * @param commandLine the {@code runnel} command line
     * @param classLoader where to look (null: the loader of this class)
     */
    public static void register(CommandLine commandLine, ClassLoader classLoader) {
        ClassLoader loader = classLoader != null ? classLoader : Extensions.class.getClassLoader();
        Iterator<RunnelSubcommand> providers = ServiceLoader.load(RunnelSubcommand.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_PROVIDER_ERRORS) {
            RunnelSubcommand provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                errors++;
                LOG.warn("Skipping a runnel subcommand provider that could not be loaded: {}", e.getMessage());
                continue;
            }
            try {
                add(commandLine, provider);
            } catch (RuntimeException e) {
                errors++;
                LOG.warn("Skipping runnel subcommand provider {}: {}", provider.getClass().getName(),
                        CliErrorHandler.describe(e));
            }
        }
    }

    private static void add(CommandLine commandLine, RunnelSubcommand provider) {
        String name = provider.name();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("its name() is empty");
        }
        if (commandLine.getSubcommands().containsKey(name)) {
            throw new IllegalStateException("the name '" + name + "' is already taken by "
                    + commandLine.getSubcommands().get(name).getCommandSpec().userObject().getClass().getName());
        }
        Object command = provider.command();
        if (command == null) {
            throw new IllegalStateException("its command() returned null");
        }
        commandLine.addSubcommand(name, command);
    }
}
