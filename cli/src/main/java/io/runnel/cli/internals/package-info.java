/**
 * The built-in commands of {@code runnel} and their helpers (formatting, parsing, error handling). Not an API:
 * anything here may change; extensions use {@link io.runnel.cli.spi.RunnelSubcommand}.
 */
package io.runnel.cli.internals;
