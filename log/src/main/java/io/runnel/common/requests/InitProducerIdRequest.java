package io.runnel.common.requests;

/**
 * Gets a producer id and epoch for an idempotent producer (Kafka's InitProducerId, API key 22). Ids are never
 * reused by a log directory, so a new producer's sequence numbers never meet an old producer's state.
 *
 * @param transactionalId      must be null: Runnel has no transactions yet
 * @param transactionTimeoutMs the transaction timeout in ms (unused)
 * @param producerId           the current producer id when asking for a new epoch, else -1
 * @param producerEpoch        the current epoch, else -1
 */
public record InitProducerIdRequest(String transactionalId, int transactionTimeoutMs, long producerId, short producerEpoch)
        implements AbstractRequest<InitProducerIdResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INIT_PRODUCER_ID;
    }
}
