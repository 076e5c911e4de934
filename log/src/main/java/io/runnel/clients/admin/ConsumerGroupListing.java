package io.runnel.clients.admin;

import io.runnel.common.GroupState;

import java.util.Optional;

/**
 * A consumer group in a listing (Kafka's {@code ConsumerGroupListing}).
 *
 * @param groupId               the group id
 * @param isSimpleConsumerGroup whether the group only stores offsets
 * @param groupState            the state, if known
 */
public record ConsumerGroupListing(String groupId, boolean isSimpleConsumerGroup, Optional<GroupState> groupState) {
}
