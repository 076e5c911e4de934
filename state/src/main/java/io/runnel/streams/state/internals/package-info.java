/**
 * State store implementations: the decorator layers (typed, caching, change logging), in-memory and segmented
 * stores, key layouts, the record cache, checkpoints and the task state manager. May change freely; the runtime
 * uses {@link io.runnel.streams.state.internals.TaskStateManager},
 * {@link io.runnel.streams.state.internals.CachedStateStore} and
 * {@link io.runnel.streams.state.internals.OffsetCheckpoint}.
 */
package io.runnel.streams.state.internals;
