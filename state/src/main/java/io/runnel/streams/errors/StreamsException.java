package io.runnel.streams.errors;

import io.runnel.common.RunnelException;
import io.runnel.streams.processor.TaskId;

import java.util.Optional;

/**
 * The base of every exception the Streams layer (state stores, the runtime, the DSL) throws on purpose; Kafka's
 * {@code org.apache.kafka.streams.errors.StreamsException}. The message says what failed, on which store or task,
 * and what to do next. When the failure belongs to a task, {@link #taskId()} names it (the runtime sets it before
 * the exception reaches the uncaught exception handler).
 */
public class StreamsException extends RunnelException {

    private TaskId taskId;

    /** @param message what went wrong and what to do about it */
    public StreamsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public StreamsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure, or null
     * @param taskId  the task it happened in, or null
     */
    public StreamsException(String message, Throwable cause, TaskId taskId) {
        super(message, cause);
        this.taskId = taskId;
    }

    /** @param cause the underlying failure, whose message becomes this one's */
    public StreamsException(Throwable cause) {
        super(cause);
    }

    /**
     * @param cause  the underlying failure, whose message becomes this one's
     * @param taskId the task it happened in, or null
     */
    public StreamsException(Throwable cause, TaskId taskId) {
        super(cause);
        this.taskId = taskId;
    }

    /** @return the task the failure happened in, if known */
    public Optional<TaskId> taskId() {
        return Optional.ofNullable(taskId);
    }

    /**
     * For the runtime: records the task the failure happened in.
     *
     * @param taskId the task
     */
    public void setTaskId(TaskId taskId) {
        this.taskId = taskId;
    }
}
