/**
 * The Streams DSL, as Kafka's {@code org.apache.kafka.streams.kstream}: {@link io.runnel.streams.kstream.KStream},
 * {@link io.runnel.streams.kstream.KTable}, {@link io.runnel.streams.kstream.GlobalKTable}, grouping, windows and
 * joins, with the functional interfaces and configuration objects they take. Start with
 * {@link io.runnel.streams.StreamsBuilder}; its {@code build()} compiles the DSL into a Processor API
 * {@link io.runnel.streams.Topology}.
 *
 * <p>Every operator's Javadoc says whether it is stateless or stateful and whether it may repartition. The
 * windowed key type {@link io.runnel.streams.kstream.Windowed} and its serdes
 * ({@link io.runnel.streams.kstream.WindowedSerdes}) live in the state module, in this package.
 */
package io.runnel.streams.kstream;
