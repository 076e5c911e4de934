package io.runnel.connect.sink;

import io.runnel.connect.connector.ConnectorContext;

/** What the runtime offers a running {@link SinkConnector}. Thread-safe. */
public interface SinkConnectorContext extends ConnectorContext {
}
