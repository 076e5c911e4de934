/**
 * Predicates that make a transformation conditional, and the built-in ones, as Kafka Connect's {@code
 * org.apache.kafka.connect.transforms.predicates}: TopicNameMatches, HasHeaderKey and RecordIsTombstone.
 */
package io.runnel.connect.transforms.predicates;
