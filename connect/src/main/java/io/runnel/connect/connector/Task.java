package io.runnel.connect.connector;

import java.util.Map;

/**
 * One unit of a connector's work, as Kafka Connect's {@code Task}. Implement {@link
 * io.runnel.connect.source.SourceTask} or {@link io.runnel.connect.sink.SinkTask}. Each task runs on its own
 * thread; {@link #stop()} may be called from another thread and must make a blocked task return promptly.
 */
public interface Task {

    /** @return the task's version, usually its connector's */
    String version();

    /**
     * Starts the task.
     *
     * @param props the configuration produced for this task by {@link Connector#taskConfigs(int)}
     */
    void start(Map<String, String> props);

    /** Stops the task; may be called from a thread other than the task's. */
    void stop();
}
