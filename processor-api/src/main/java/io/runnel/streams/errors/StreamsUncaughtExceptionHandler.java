package io.runnel.streams.errors;

/**
 * Decides what happens when a stream thread dies from an exception (Kafka's
 * {@code StreamsUncaughtExceptionHandler}), set with {@code RunnelStreams.setUncaughtExceptionHandler}. Without one,
 * the client shuts down (SHUTDOWN_CLIENT), as in Kafka.
 *
 * <p>The exception is a {@link StreamsException} whenever the runtime knows more: {@link StreamsException#taskId()}
 * names the task and the message gives the processor and the input record's topic, partition and offset. Called on
 * the dying thread.
 */
@FunctionalInterface
public interface StreamsUncaughtExceptionHandler {

    /** What to do after a stream thread died. */
    enum StreamThreadExceptionResponse {
        /** Start a new thread in place of the dead one; its tasks are redistributed by a rebalance. */
        REPLACE_THREAD,
        /** Stop this application instance: state PENDING_ERROR then ERROR; others take over its tasks. */
        SHUTDOWN_CLIENT,
        /** Stop every instance of the application (through the group protocol): all go to ERROR. */
        SHUTDOWN_APPLICATION
    }

    /**
     * @param exception what killed the thread
     * @return what to do next
     */
    StreamThreadExceptionResponse handle(Throwable exception);
}
