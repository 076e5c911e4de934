package io.runnel.common.requests;

/**
 * A response across the client/log seam (Kafka's {@code AbstractResponse}). Errors travel as {@link Errors}
 * values (Kafka's error codes), usually per partition, topic or group, never as thrown exceptions: the client
 * turns them into exceptions with {@link Errors#exception(String)}.
 */
public interface AbstractResponse {

    /** @return the API this response belongs to */
    ApiKeys apiKey();
}
