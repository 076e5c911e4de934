package io.runnel.common.requests;

import io.runnel.common.IsolationLevel;
import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * Finds offsets by timestamp (Kafka's ListOffsets, API key 2).
 *
 * @param isolationLevel which records count
 * @param timestamps     per partition: a time in ms (the first offset whose timestamp is at least it), or one of
 *                       {@link #EARLIEST_TIMESTAMP}, {@link #LATEST_TIMESTAMP}, {@link #MAX_TIMESTAMP}
 */
public record ListOffsetsRequest(IsolationLevel isolationLevel, Map<TopicPartition, Long> timestamps)
        implements AbstractRequest<ListOffsetsResponse> {

    /** The log start offset. */
    public static final long EARLIEST_TIMESTAMP = -2L;
    /** The log end offset (the high watermark). */
    public static final long LATEST_TIMESTAMP = -1L;
    /** The record with the largest timestamp. */
    public static final long MAX_TIMESTAMP = -3L;

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_OFFSETS;
    }
}
