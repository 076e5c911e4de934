/**
 * The consumer's machinery: subscription state, fetcher, offset lookups, the group member side of the classic
 * protocol (coordinator and heartbeat thread) and Kafka's ConsumerProtocol encoding. May change freely.
 */
package io.runnel.clients.consumer.internals;
