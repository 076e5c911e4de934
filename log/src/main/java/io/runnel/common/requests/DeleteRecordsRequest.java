package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * Moves log start offsets forward, deleting the records below (Kafka's DeleteRecords, API key 21).
 *
 * @param offsets   the new log start offset per partition, or {@link #HIGH_WATERMARK}
 * @param timeoutMs how long the server may take, in ms
 */
public record DeleteRecordsRequest(Map<TopicPartition, Long> offsets, int timeoutMs)
        implements AbstractRequest<DeleteRecordsResponse> {

    /** Delete everything up to the high watermark. */
    public static final long HIGH_WATERMARK = -1L;

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_RECORDS;
    }
}
