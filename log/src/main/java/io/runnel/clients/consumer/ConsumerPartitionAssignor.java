package io.runnel.clients.consumer;

import io.runnel.common.Cluster;
import io.runnel.common.TopicPartition;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which member of a group consumes which partitions (Kafka's {@code ConsumerPartitionAssignor}, exactly
 * shaped). Under the classic group protocol the group's leader runs the assignor: every member sends a
 * {@link Subscription} (topics, owned partitions and {@link #subscriptionUserData} bytes) with its JoinGroup, the
 * leader's {@link #assign} receives all of them and returns one {@link Assignment} (partitions plus user data bytes)
 * per member, and each member's {@link #onAssignment} receives its own. User data travels through the
 * coordinator untouched, so an assignor can carry anything (Kafka Streams sends task lags and host info this way).
 *
 * <p>Set with {@code partition.assignment.strategy} (a list of class names, most preferred first; the group uses
 * the first one every member supports). An implementation that is {@link io.runnel.common.Configurable} receives
 * the consumer's configuration (including non-string objects given to the consumer) after construction.
 *
 * <p>Called on the consumer's polling thread.
 */
public interface ConsumerPartitionAssignor {

    /**
     * Bytes this member sends to the leader with its subscription.
     *
     * @param topics the topics this member subscribes to
     * @return user data, or null for none
     */
    default ByteBuffer subscriptionUserData(Set<String> topics) {
        return null;
    }

    /**
     * Computes the group's assignment (called on the leader only).
     *
     * @param metadata          the cluster metadata of every topic any member subscribes to
     * @param groupSubscription every member's subscription, by member id
     * @return every member's assignment, by member id
     */
    GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription);

    /**
     * Receives this member's assignment after each rebalance, before {@code onPartitionsAssigned}.
     *
     * @param assignment the member's partitions and user data
     * @param metadata   the member's group metadata for the new generation
     */
    default void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
    }

    /**
     * @return the rebalance protocols this assignor supports, most preferred first; {@link RebalanceProtocol#EAGER}
     *     by default. The consumer uses COOPERATIVE only if every configured assignor supports it.
     */
    default List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.EAGER);
    }

    /** @return the version of this assignor's user data format (for rolling upgrades) */
    default short version() {
        return (short) 0;
    }

    /** @return the name members agree on ({@code range}, {@code cooperative-sticky}, ...) */
    String name();

    /**
     * How partitions change hands in a rebalance.
     */
    enum RebalanceProtocol {
        /** Every member gives up all its partitions before rejoining (stop-the-world). */
        EAGER((byte) 0),
        /** Members keep the partitions that do not move; moving partitions are revoked first and assigned in a
         * follow-up rebalance. */
        COOPERATIVE((byte) 1);

        private final byte id;

        RebalanceProtocol(byte id) {
            this.id = id;
        }

        /** @return Kafka's id */
        public byte id() {
            return id;
        }

        /**
         * @param id Kafka's id
         * @return the protocol
         * @throws IllegalArgumentException for an unknown id
         */
        public static RebalanceProtocol forId(byte id) {
            return switch (id) {
                case 0 -> EAGER;
                case 1 -> COOPERATIVE;
                default -> throw new IllegalArgumentException("Unknown rebalance protocol id: " + id);
            };
        }
    }

    /**
     * A member's subscription as the leader sees it (ConsumerProtocol subscription, version 2).
     */
    final class Subscription {
        private final List<String> topics;
        private final ByteBuffer userData;
        private final List<TopicPartition> ownedPartitions;
        private final Optional<Integer> generationId;
        private Optional<String> groupInstanceId = Optional.empty();

        /**
         * @param topics          the subscribed topics
         * @param userData        the assignor's user data, or null
         * @param ownedPartitions the partitions the member owns now
         * @param generationId    the generation in which it owned them (-1 if unknown)
         */
        public Subscription(List<String> topics, ByteBuffer userData, List<TopicPartition> ownedPartitions,
                            int generationId) {
            this.topics = List.copyOf(topics);
            this.userData = userData;
            this.ownedPartitions = List.copyOf(ownedPartitions);
            this.generationId = generationId < 0 ? Optional.empty() : Optional.of(generationId);
        }

        /**
         * @param topics          the subscribed topics
         * @param userData        the assignor's user data, or null
         * @param ownedPartitions the partitions the member owns now
         */
        public Subscription(List<String> topics, ByteBuffer userData, List<TopicPartition> ownedPartitions) {
            this(topics, userData, ownedPartitions, -1);
        }

        /**
         * @param topics   the subscribed topics
         * @param userData the assignor's user data, or null
         */
        public Subscription(List<String> topics, ByteBuffer userData) {
            this(topics, userData, List.of());
        }

        /** @param topics the subscribed topics */
        public Subscription(List<String> topics) {
            this(topics, null);
        }

        /** @return the subscribed topics */
        public List<String> topics() {
            return topics;
        }

        /** @return the user data, or null */
        public ByteBuffer userData() {
            return userData;
        }

        /** @return the partitions the member owns */
        public List<TopicPartition> ownedPartitions() {
            return ownedPartitions;
        }

        /** @return the generation in which the member owned them, if known */
        public Optional<Integer> generationId() {
            return generationId;
        }

        /** @param groupInstanceId the member's static id (set by the coordinator protocol) */
        public void setGroupInstanceId(Optional<String> groupInstanceId) {
            this.groupInstanceId = Objects.requireNonNull(groupInstanceId);
        }

        /** @return the member's static id */
        public Optional<String> groupInstanceId() {
            return groupInstanceId;
        }

        @Override
        public String toString() {
            return "Subscription(topics=" + topics + ", ownedPartitions=" + ownedPartitions + ", groupInstanceId="
                    + groupInstanceId.orElse("null") + ", generationId=" + generationId.orElse(-1) + ")";
        }
    }

    /**
     * A member's assignment (ConsumerProtocol assignment).
     */
    final class Assignment {
        private final List<TopicPartition> partitions;
        private final ByteBuffer userData;

        /**
         * @param partitions the assigned partitions
         * @param userData   the assignor's user data, or null
         */
        public Assignment(List<TopicPartition> partitions, ByteBuffer userData) {
            this.partitions = List.copyOf(partitions);
            this.userData = userData;
        }

        /** @param partitions the assigned partitions */
        public Assignment(List<TopicPartition> partitions) {
            this(partitions, null);
        }

        /** @return the assigned partitions */
        public List<TopicPartition> partitions() {
            return partitions;
        }

        /** @return the user data, or null */
        public ByteBuffer userData() {
            return userData;
        }

        @Override
        public String toString() {
            return "Assignment(partitions=" + partitions + (userData == null ? "" : ", userDataSize="
                    + userData.remaining()) + ")";
        }
    }

    /** Every member's subscription, by member id. */
    final class GroupSubscription {
        private final Map<String, Subscription> subscriptions;

        /** @param subscriptions by member id */
        public GroupSubscription(Map<String, Subscription> subscriptions) {
            this.subscriptions = Collections.unmodifiableMap(subscriptions);
        }

        /** @return the subscriptions by member id */
        public Map<String, Subscription> groupSubscription() {
            return subscriptions;
        }
    }

    /** Every member's assignment, by member id. */
    final class GroupAssignment {
        private final Map<String, Assignment> assignments;

        /** @param assignments by member id */
        public GroupAssignment(Map<String, Assignment> assignments) {
            this.assignments = Collections.unmodifiableMap(assignments);
        }

        /** @return the assignments by member id */
        public Map<String, Assignment> groupAssignment() {
            return assignments;
        }
    }
}
