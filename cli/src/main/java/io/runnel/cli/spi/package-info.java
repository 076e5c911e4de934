/**
 * The extension point of the {@code runnel} command: {@link io.runnel.cli.spi.RunnelSubcommand}, found with
 * {@link java.util.ServiceLoader}.
 */
package io.runnel.cli.spi;
