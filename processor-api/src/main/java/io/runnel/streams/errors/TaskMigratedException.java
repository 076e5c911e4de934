package io.runnel.streams.errors;

/**
 * A task was moved to another thread or instance while this one still worked on it (its consumer left the group
 * generation, a commit was fenced). Not fatal: the stream thread closes the task without committing and rejoins the
 * group; records since the last commit are processed again by the new owner (at-least-once). Kafka's
 * {@code TaskMigratedException}.
 */
public class TaskMigratedException extends StreamsException {

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public TaskMigratedException(String message, Throwable cause) {
        super(message + "; it will be closed without committing and the thread will rejoin the group", cause);
    }
}
