package io.runnel.coordinator.group;

import io.runnel.common.GroupState;
import io.runnel.common.TopicPartition;
import io.runnel.common.requests.JoinGroupRequest;
import io.runnel.log.Scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group's state under the classic protocol: members, generation, chosen protocol, leader, committed
 * offsets, and the timers of the rebalance in progress. Plain data with small queries; every transition is made
 * by {@link GroupCoordinator} under its lock.
 */
final class ClassicGroup {

    /** A committed offset as the coordinator keeps it. */
    record CommittedOffset(long offset, int leaderEpoch, String metadata, long commitTimestamp) {
    }

    final String groupId;
    GroupState state = GroupState.EMPTY;
    long currentStateTimestamp;
    int generationId;
    String protocolType;
    String protocolName;
    String leaderId;
    final LinkedHashMap<String, ClassicGroupMember> members = new LinkedHashMap<>();
    final Map<String, String> staticMembers = new HashMap<>();
    final Set<String> pendingSyncMembers = new HashSet<>();
    final Map<TopicPartition, CommittedOffset> offsets = new HashMap<>();
    Scheduler.Task joinTimer;
    Scheduler.Task syncTimer;
    long initialDelayDeadlineMs = -1;
    long initialDelayMaxMs = -1;
    boolean newMemberDuringInitialDelay;
    int rebalanceId;

    ClassicGroup(String groupId, long nowMs) {
        this.groupId = groupId;
        this.currentStateTimestamp = nowMs;
    }

    void transitionTo(GroupState next, long nowMs) {
        state = next;
        currentStateTimestamp = nowMs;
    }

    boolean is(GroupState s) {
        return state == s;
    }

    boolean hasMember(String memberId) {
        return members.containsKey(memberId);
    }

    int numAwaitingJoin() {
        int n = 0;
        for (ClassicGroupMember m : members.values()) {
            if (m.isAwaitingJoin()) {
                n++;
            }
        }
        return n;
    }

    boolean allMembersJoined() {
        return !members.isEmpty() && numAwaitingJoin() == members.size();
    }

    int rebalanceTimeoutMs() {
        int max = 0;
        for (ClassicGroupMember m : members.values()) {
            max = Math.max(max, m.rebalanceTimeoutMs);
        }
        return max;
    }

    /** @return the protocols every member supports, in the order the first member prefers them */
    Set<String> candidateProtocols() {
        Set<String> candidates = null;
        for (ClassicGroupMember m : members.values()) {
            Set<String> names = new LinkedHashSet<>();
            m.protocols.forEach(p -> names.add(p.name()));
            if (candidates == null) {
                candidates = names;
            } else {
                candidates.retainAll(names);
            }
        }
        return candidates == null ? Set.of() : candidates;
    }

    /** Kafka's rule: a joining member must share the protocol type and at least one protocol with the group. */
    boolean supportsProtocols(String memberProtocolType, List<JoinGroupRequest.Protocol> memberProtocols) {
        if (memberProtocolType == null || memberProtocolType.isEmpty() || memberProtocols.isEmpty()) {
            return false;
        }
        if (members.isEmpty()) {
            return true;
        }
        if (!memberProtocolType.equals(protocolType)) {
            return false;
        }
        Set<String> candidates = candidateProtocols();
        for (JoinGroupRequest.Protocol p : memberProtocols) {
            if (candidates.contains(p.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Kafka's vote: among the protocols every member supports, each member votes for its most preferred one; the
     * protocol with most votes wins (ties: the earliest in the first member's preference order).
     */
    String selectProtocol() {
        Set<String> candidates = candidateProtocols();
        Map<String, Integer> votes = new LinkedHashMap<>();
        candidates.forEach(c -> votes.put(c, 0));
        for (ClassicGroupMember m : members.values()) {
            for (JoinGroupRequest.Protocol p : m.protocols) {
                if (candidates.contains(p.name())) {
                    votes.merge(p.name(), 1, Integer::sum);
                    break;
                }
            }
        }
        String best = null;
        int bestVotes = -1;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return best;
    }

    List<ClassicGroupMember> membersList() {
        return new ArrayList<>(members.values());
    }

    @Override
    public String toString() {
        return "Group(" + groupId + ", " + state + ", generation " + generationId + ", members " + members.keySet() + ")";
    }
}
