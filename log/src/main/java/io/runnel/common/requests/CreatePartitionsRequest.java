package io.runnel.common.requests;

import java.util.Map;

/**
 * Raises topics' partition counts (Kafka's CreatePartitions, API key 37).
 *
 * @param newTotalCounts the new total count per topic
 * @param timeoutMs      how long the server may take, in ms
 * @param validateOnly   check but change nothing
 */
public record CreatePartitionsRequest(Map<String, Integer> newTotalCounts, int timeoutMs, boolean validateOnly)
        implements AbstractRequest<CreatePartitionsResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_PARTITIONS;
    }
}
