/**
 * The Processor API, with Kafka Streams' shapes ({@code org.apache.kafka.streams.processor.api}): a
 * {@link io.runnel.streams.processor.api.Processor} receives {@link io.runnel.streams.processor.api.Record}s and
 * forwards new ones through its {@link io.runnel.streams.processor.api.ProcessorContext}; a
 * {@link io.runnel.streams.processor.api.FixedKeyProcessor} may change values and timestamps but not keys, so a
 * downstream grouping needs no repartition. Processors are wired into a {@link io.runnel.streams.Topology}.
 */
package io.runnel.streams.processor.api;
