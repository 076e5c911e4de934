/**
 * The DSL's logical graph: one node per operator (or per Processor API node group), written into the Processor API
 * topology by {@code StreamsBuilder.build()}.
 */
package io.runnel.streams.kstream.internals.graph;
