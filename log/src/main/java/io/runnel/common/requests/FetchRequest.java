package io.runnel.common.requests;

import io.runnel.common.IsolationLevel;
import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * Reads record batches (Kafka's Fetch, API key 1). The server answers at once when at least {@code minBytes} are
 * available (or an error occurs), otherwise it waits up to {@code maxWaitMs} for appends: a long poll that
 * occupies no thread while it waits.
 *
 * @param maxWaitMs      the longest the server waits for {@code minBytes}, in ms ({@code fetch.max.wait.ms})
 * @param minBytes       the bytes worth answering for ({@code fetch.min.bytes})
 * @param maxBytes       the response's byte limit ({@code fetch.max.bytes}); the first batch is returned even when
 *                       larger, so consumers make progress
 * @param isolationLevel which records to read
 * @param fetchData      per partition, in the order the server should fill them (iteration order is kept)
 */
public record FetchRequest(int maxWaitMs, int minBytes, int maxBytes, IsolationLevel isolationLevel,
                           Map<TopicPartition, PartitionData> fetchData) implements AbstractRequest<FetchResponse> {

    /**
     * One partition of a fetch.
     *
     * @param fetchOffset    the first offset wanted
     * @param logStartOffset the follower's log start offset, -1 for consumers
     * @param maxBytes       this partition's byte limit ({@code max.partition.fetch.bytes})
     */
    public record PartitionData(long fetchOffset, long logStartOffset, int maxBytes) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FETCH;
    }
}
