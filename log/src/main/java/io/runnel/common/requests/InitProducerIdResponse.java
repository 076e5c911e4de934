package io.runnel.common.requests;

/**
 * The result of an {@link InitProducerIdRequest}.
 *
 * @param error         the error
 * @param producerId    the producer id, or -1
 * @param producerEpoch the epoch, or -1
 */
public record InitProducerIdResponse(Errors error, long producerId, short producerEpoch) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INIT_PRODUCER_ID;
    }
}
