/**
 * The storage engine's mechanisms: segments, memory-mapped indexes, producer state, checkpoint files, the
 * directory lock and topic metadata. Implementation detail of {@code io.runnel.log}; may change freely.
 */
package io.runnel.log.internals;
