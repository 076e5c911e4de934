/**
 * The DSL types that state stores need, with Kafka's names ({@code org.apache.kafka.streams.kstream}):
 * {@link io.runnel.streams.kstream.Windowed}, {@link io.runnel.streams.kstream.Window} and
 * {@link io.runnel.streams.kstream.WindowedSerdes}. The streams-dsl module adds the rest of the DSL here.
 */
package io.runnel.streams.kstream;
