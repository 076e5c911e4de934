/**
 * Record-level error handling for connectors (KIP-298, KIP-610), shared by the source and the sink side:
 * retries with exponential backoff on retriable failures ({@code errors.retry.timeout}, {@code
 * errors.retry.delay.max.ms}), tolerance ({@code errors.tolerance} none or all), and reporters that log failed
 * records ({@code errors.log.*}) or send them to a dead-letter queue topic ({@code errors.deadletterqueue.*}).
 * The worker wraps each converter, transformation and task call in {@link
 * io.runnel.connect.runtime.errors.RetryWithToleranceOperator#execute}.
 */
package io.runnel.connect.runtime.errors;
