package io.runnel.cli;

import io.runnel.common.RunnelException;

/**
 * A failure a command detected and can explain in one sentence ("Topic 'orders' does not exist ..."). The
 * {@code runnel} command prints its message as one {@code Error: } line on standard error, without a stack trace
 * unless {@code --verbose}, and exits with 1. Subcommands registered through
 * {@link io.runnel.cli.spi.RunnelSubcommand} may throw it too.
 */
public class CliException extends RunnelException {

    /** @param message what went wrong and, where possible, what to do about it */
    public CliException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause   the underlying failure (shown with {@code --verbose})
     */
    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
