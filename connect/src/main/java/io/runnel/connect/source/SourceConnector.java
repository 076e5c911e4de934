package io.runnel.connect.source;

import io.runnel.connect.connector.Connector;

/**
 * A connector that copies data from an outside system into topics, as Kafka Connect's {@code SourceConnector}.
 * Its tasks are {@link SourceTask}s.
 */
public abstract class SourceConnector extends Connector {

    /** Creates the connector. */
    protected SourceConnector() {
    }

    @Override
    protected SourceConnectorContext context() {
        return (SourceConnectorContext) context;
    }
}
