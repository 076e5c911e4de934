/**
 * The Streams entry points. The state module contributes {@link io.runnel.streams.KeyValue}; the runtime adds the
 * application entry point and {@code StreamsConfig}.
 */
package io.runnel.streams;
