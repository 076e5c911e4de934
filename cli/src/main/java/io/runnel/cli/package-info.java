/**
 * The {@code runnel} command line: {@link io.runnel.cli.Runnel} (the picocli top command and {@code main}),
 * {@link io.runnel.cli.BootstrapServerOption} (the {@code --bootstrap-server} option for subcommands) and
 * {@link io.runnel.cli.CliException} (a one-line user-facing error). Extensions register subcommands through
 * {@link io.runnel.cli.spi.RunnelSubcommand}; the built-in commands live in {@code io.runnel.cli.internals}.
 */
package io.runnel.cli;
