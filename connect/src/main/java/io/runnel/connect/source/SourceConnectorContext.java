package io.runnel.connect.source;

import io.runnel.connect.connector.ConnectorContext;
import io.runnel.connect.storage.OffsetStorageReader;

/** What the runtime offers a running {@link SourceConnector}. Thread-safe. */
public interface SourceConnectorContext extends ConnectorContext {

    /** @return a reader of the offsets this connector's tasks have committed */
    OffsetStorageReader offsetStorageReader();
}
