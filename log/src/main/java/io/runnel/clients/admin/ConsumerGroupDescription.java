package io.runnel.clients.admin;

import io.runnel.common.GroupState;
import io.runnel.common.Node;

import java.util.Collection;
import java.util.List;

/**
 * A described consumer group (Kafka's {@code ConsumerGroupDescription}). Committed offsets and lag are not part of
 * it: combine {@link Admin#listConsumerGroupOffsets} with {@link Admin#listOffsets} (latest), as Kafka's tools do.
 *
 * @param groupId               the group id
 * @param isSimpleConsumerGroup whether the group only stores offsets (no member ever joined)
 * @param members               the members
 * @param partitionAssignor     the assignor in use, empty when none
 * @param groupState            the state
 * @param coordinator           the coordinator node
 */
public record ConsumerGroupDescription(String groupId, boolean isSimpleConsumerGroup, Collection<MemberDescription> members,
                                       String partitionAssignor, GroupState groupState, Node coordinator) {

    /** Copies the members. */
    public ConsumerGroupDescription {
        members = List.copyOf(members);
    }
}
