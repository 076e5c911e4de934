package io.runnel.clients.admin;

import io.runnel.common.Uuid;

/**
 * A topic in a listing (Kafka's {@code TopicListing}).
 *
 * @param name     the name
 * @param topicId  the topic ID
 * @param isInternal whether it is internal ({@code __consumer_offsets})
 */
public record TopicListing(String name, Uuid topicId, boolean isInternal) {
}
