/**
 * The producer's machinery: metadata, the record accumulator, the sender thread, idempotence and the built-in
 * partitioner. May change freely.
 */
package io.runnel.clients.producer.internals;
