package io.runnel.common.requests;

import io.runnel.common.config.ConfigResource;

import java.util.List;
import java.util.Map;

/**
 * Sets, deletes, appends to or subtracts from individual settings (Kafka's IncrementalAlterConfigs, API key 44).
 *
 * @param resources    the operations per resource
 * @param validateOnly check but change nothing
 */
public record IncrementalAlterConfigsRequest(Map<ConfigResource, List<AlterableConfig>> resources, boolean validateOnly)
        implements AbstractRequest<IncrementalAlterConfigsResponse> {

    /** The operation, with Kafka's ids. */
    public enum OpType {
        /** Set the value (0). */
        SET,
        /** Remove the override (1). */
        DELETE,
        /** Add to a list setting (2). */
        APPEND,
        /** Remove from a list setting (3). */
        SUBTRACT
    }

    /**
     * One operation.
     *
     * @param name  the setting
     * @param op    the operation
     * @param value the value (ignored for DELETE)
     */
    public record AlterableConfig(String name, OpType op, String value) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INCREMENTAL_ALTER_CONFIGS;
    }
}
