package io.runnel.clients.consumer;

import java.util.Objects;
import java.util.Optional;

/**
 * A consumer's group membership as of its last rebalance (Kafka's {@code ConsumerGroupMetadata}): group id,
 * generation, member id and static instance id. Assignors receive it in
 * {@link ConsumerPartitionAssignor#onAssignment}; transactional producers will fence with it. Immutable.
 */
public final class ConsumerGroupMetadata {

    private final String groupId;
    private final int generationId;
    private final String memberId;
    private final Optional<String> groupInstanceId;

    /**
     * @param groupId         the group id
     * @param generationId    the generation, -1 outside a generation
     * @param memberId        the member id, empty outside a generation
     * @param groupInstanceId the static instance id, if any
     */
    public ConsumerGroupMetadata(String groupId, int generationId, String memberId, Optional<String> groupInstanceId) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.generationId = generationId;
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.groupInstanceId = Objects.requireNonNull(groupInstanceId, "groupInstanceId");
    }

    /** @param groupId the group id; generation -1, empty member id */
    public ConsumerGroupMetadata(String groupId) {
        this(groupId, -1, "", Optional.empty());
    }

    /** @return the group id */
    public String groupId() {
        return groupId;
    }

    /** @return the generation, -1 outside a generation */
    public int generationId() {
        return generationId;
    }

    /** @return the member id, empty outside a generation */
    public String memberId() {
        return memberId;
    }

    /** @return the static instance id */
    public Optional<String> groupInstanceId() {
        return groupInstanceId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumerGroupMetadata m && groupId.equals(m.groupId) && generationId == m.generationId
                && memberId.equals(m.memberId) && groupInstanceId.equals(m.groupInstanceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, generationId, memberId, groupInstanceId);
    }

    @Override
    public String toString() {
        return "GroupMetadata(groupId = " + groupId + ", generationId = " + generationId + ", memberId = " + memberId
                + ", groupInstanceId = " + groupInstanceId.orElse("") + ")";
    }
}
