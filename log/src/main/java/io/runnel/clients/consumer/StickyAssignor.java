package io.runnel.clients.consumer;

import io.runnel.clients.consumer.internals.AbstractStickyAssignor;
import io.runnel.common.TopicPartition;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

/**
 * Kafka's {@code StickyAssignor} ({@code sticky}): balanced, and moves as few partitions as possible between
 * rebalances, under the EAGER protocol (members revoke everything before joining, so each member remembers its
 * previous assignment and generation in its subscription user data). Not thread-safe: one per consumer.
 */
public class StickyAssignor extends AbstractStickyAssignor {

    /** The name members agree on. */
    public static final String STICKY_ASSIGNOR_NAME = "sticky";

    private List<TopicPartition> memberAssignment = List.of();
    private int generation = -1;

    /** Creates the assignor. */
    public StickyAssignor() {
    }

    @Override
    public String name() {
        return STICKY_ASSIGNOR_NAME;
    }

    @Override
    protected boolean cooperative() {
        return false;
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return encodeUserData(memberAssignment, generation);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        this.memberAssignment = assignment.partitions();
        this.generation = metadata.generationId();
    }

    @Override
    protected MemberData memberData(Subscription subscription) {
        if (!subscription.ownedPartitions().isEmpty()) {
            return new MemberData(subscription.ownedPartitions(), subscription.generationId().orElse(-1));
        }
        return decodeUserData(subscription.userData());
    }
}
