package io.runnel.connect.runtime.errors;

/**
 * A connector's error-handling settings, parsed once from its configuration (see {@code ConnectorConfig}).
 * Immutable.
 *
 * @param retryTimeoutMs             {@code errors.retry.timeout}: how long to retry a retriable failure, in ms;
 *                                   0 never retries, -1 retries forever
 * @param retryDelayMaxMs            {@code errors.retry.delay.max.ms}: the longest wait between attempts, in ms
 * @param tolerance                  {@code errors.tolerance}
 * @param logEnable                  {@code errors.log.enable}: log each failure
 * @param logIncludeMessages         {@code errors.log.include.messages}: include keys, values and headers
 * @param dlqTopic                   {@code errors.deadletterqueue.topic.name}, empty for no dead-letter queue
 * @param dlqReplicationFactor       {@code errors.deadletterqueue.topic.replication.factor}
 * @param dlqContextHeadersEnable    {@code errors.deadletterqueue.context.headers.enable}
 */
public record ErrorHandlingConfig(long retryTimeoutMs, long retryDelayMaxMs, ToleranceType tolerance,
                                  boolean logEnable, boolean logIncludeMessages, String dlqTopic,
                                  short dlqReplicationFactor, boolean dlqContextHeadersEnable) {

    /** Kafka's defaults: no retries, 60 s max delay, tolerance none, no logging, no dead-letter queue. */
    public static final ErrorHandlingConfig DEFAULTS = new ErrorHandlingConfig(0, 60_000, ToleranceType.NONE, false,
            false, "", (short) 3, false);

    /** @return whether a dead-letter queue topic is configured */
    public boolean dlqEnabled() {
        return dlqTopic != null && !dlqTopic.isEmpty();
    }
}
