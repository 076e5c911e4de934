package io.runnel.common.requests;

import io.runnel.common.TopicPartition;
import io.runnel.common.record.MemoryRecords;

import java.util.Map;

/**
 * Appends record batches to partitions (Kafka's Produce, API key 0).
 *
 * @param acks             0 (no response needed), 1 or -1 ({@code all}); on one node 1 and -1 are the same
 * @param timeoutMs        how long the server may wait for replication, in ms (unused on one node)
 * @param transactionalId  must be null: Runnel has no transactions yet
 * @param partitionRecords the batches (RecordBatch v2) per partition; the log takes ownership of the buffers
 */
public record ProduceRequest(short acks, int timeoutMs, String transactionalId,
                             Map<TopicPartition, MemoryRecords> partitionRecords)
        implements AbstractRequest<ProduceResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.PRODUCE;
    }
}
