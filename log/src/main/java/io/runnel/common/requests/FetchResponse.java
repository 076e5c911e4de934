package io.runnel.common.requests;

import io.runnel.common.TopicPartition;
import io.runnel.common.record.Records;

import java.util.Map;

/**
 * The result of a {@link FetchRequest}.
 *
 * @param error        a request-level error, usually {@link Errors#NONE}
 * @param responseData per partition, in the request's order
 */
public record FetchResponse(Errors error, Map<TopicPartition, PartitionData> responseData) implements AbstractResponse {

    /**
     * One partition's data.
     *
     * @param error            the error
     * @param highWatermark    the high watermark (the log end offset on one node), or -1
     * @param lastStableOffset the last stable offset (equal to the high watermark without transactions), or -1
     * @param logStartOffset   the log start offset, or -1
     * @param records          whole batches starting with the one holding the fetch offset (it may start below it:
     *                         skip earlier records); empty when there is nothing new or on error
     * @param errorMessage     the server's description of the error, or null
     */
    public record PartitionData(Errors error, long highWatermark, long lastStableOffset, long logStartOffset,
                                Records records, String errorMessage) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FETCH;
    }
}
