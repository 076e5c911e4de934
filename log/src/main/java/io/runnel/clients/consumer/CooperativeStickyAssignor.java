package io.runnel.clients.consumer;

import io.runnel.clients.consumer.internals.AbstractStickyAssignor;

import java.util.List;

/**
 * Kafka's {@code CooperativeStickyAssignor} ({@code cooperative-sticky}): the sticky assignment under the
 * COOPERATIVE protocol. Members keep consuming the partitions that stay with them during a rebalance; a partition
 * that moves is first revoked by its owner (which then rejoins) and assigned to its new owner in the follow-up
 * rebalance, so no partition is ever owned by two members.
 */
public class CooperativeStickyAssignor extends AbstractStickyAssignor {

    /** The name members agree on. */
    public static final String COOPERATIVE_STICKY_ASSIGNOR_NAME = "cooperative-sticky";

    /** Creates the assignor. */
    public CooperativeStickyAssignor() {
    }

    @Override
    public String name() {
        return COOPERATIVE_STICKY_ASSIGNOR_NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
    }

    @Override
    protected boolean cooperative() {
        return true;
    }

    @Override
    protected MemberData memberData(Subscription subscription) {
        return new MemberData(subscription.ownedPartitions(), subscription.generationId().orElse(-1));
    }
}
