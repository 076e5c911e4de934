package io.runnel.common.requests;

/**
 * Who sends a request: Kafka's request header fields that matter on the in-process seam.
 *
 * @param clientId      the client's {@code client.id} (used in member ids and descriptions)
 * @param correlationId a number the client increments per request, for logs
 */
public record RequestHeader(String clientId, int correlationId) {
}
