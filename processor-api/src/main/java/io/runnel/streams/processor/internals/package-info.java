/**
 * The Streams runtime: the topology builder and its compiled form, nodes, tasks, the stream thread loop, record
 * collection, restoration, the Streams partition assignor, internal topics and the global stream thread.
 *
 * <p>Implementation package: it may change freely between releases. The one documented internal API is
 * {@link io.runnel.streams.processor.internals.InternalTopologyBuilder} (with
 * {@link io.runnel.streams.processor.internals.InternalProcessorContext}), which the DSL compiles onto;
 * {@code docs/streams.md} lists what the DSL may use.
 */
package io.runnel.streams.processor.internals;
