/**
 * Interactive queries: read-only views over the stores of an instance's local tasks, resolved again at every call
 * (so they survive rebalances) and read under each task's store lock (stores are single-threaded).
 */
package io.runnel.streams.processor.internals.query;
