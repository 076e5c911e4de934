package io.runnel.cli.internals;

/**
 * A JVM shutdown hook (Ctrl-C, SIGTERM) for the lifetime of a command: registered at the start of a long-running
 * command and removed when it ends normally, so that in-process callers (tests) do not accumulate hooks.
 */
final class ShutdownHook implements AutoCloseable {

    private final Thread thread;

    private ShutdownHook(Thread thread) {
        this.thread = thread;
    }

    /**
     * @param name   the command, for the thread name
     * @param action what to do when the JVM shuts down (runs on the hook thread)
     * @return the registration; close it to remove the hook
     */
    static ShutdownHook register(String name, Runnable action) {
        Thread thread = new Thread(action, "runnel-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(thread);
        return new ShutdownHook(thread);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is shutting down and the hook is running or has run: nothing to remove.
        }
    }
}
