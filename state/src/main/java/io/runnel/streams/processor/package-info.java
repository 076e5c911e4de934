/**
 * The Processor API types that state stores need, with Kafka's names ({@code org.apache.kafka.streams.processor}):
 * {@link io.runnel.streams.processor.StateStore}, the runtime seam
 * {@link io.runnel.streams.processor.StateStoreContext} with {@link io.runnel.streams.processor.ChangeLogger}, the
 * restore callbacks, {@link io.runnel.streams.processor.TaskId}, and the test kit
 * {@link io.runnel.streams.processor.MockStateStoreContext}.
 */
package io.runnel.streams.processor;
