package io.runnel.common.requests;

/**
 * A request across the client/log seam (Kafka's {@code AbstractRequest}). Requests are immutable records that
 * mirror Kafka's request schemas field for field where a field has meaning on one node, so the wire-protocol
 * server can translate each to and from Kafka's bytes without a second model. The type parameter ties a request
 * to its response, so {@code RunnelClient.send} is typed.
 *
 * @param <R> the response type
 */
public interface AbstractRequest<R extends AbstractResponse> {

    /** @return the API this request belongs to */
    ApiKeys apiKey();
}
