package io.runnel.connect.sink;

import io.runnel.connect.connector.Connector;

/**
 * A connector that copies data from topics to an outside system, as Kafka Connect's {@code SinkConnector}. Its
 * tasks are {@link SinkTask}s; the runtime subscribes them to {@value #TOPICS_CONFIG} (or {@code topics.regex}).
 */
public abstract class SinkConnector extends Connector {

    /** The setting naming the topics to consume, comma-separated. */
    public static final String TOPICS_CONFIG = "topics";

    /** Creates the connector. */
    protected SinkConnector() {
    }

    @Override
    protected SinkConnectorContext context() {
        return (SinkConnectorContext) context;
    }
}
