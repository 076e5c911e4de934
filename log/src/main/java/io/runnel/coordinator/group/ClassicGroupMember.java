package io.runnel.coordinator.group;

import io.runnel.common.requests.JoinGroupRequest;
import io.runnel.common.requests.JoinGroupResponse;
import io.runnel.common.requests.SyncGroupResponse;
import io.runnel.log.Scheduler;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A member of a classic group, as the coordinator tracks it. Guarded by the coordinator's lock. */
final class ClassicGroupMember {

    final String memberId;
    final String groupInstanceId;
    final String clientId;
    final String clientHost;
    int rebalanceTimeoutMs;
    int sessionTimeoutMs;
    String protocolType;
    List<JoinGroupRequest.Protocol> protocols;
    byte[] assignment = new byte[0];
    CompletableFuture<JoinGroupResponse> awaitingJoin;
    CompletableFuture<SyncGroupResponse> awaitingSync;
    long lastHeartbeatMs;
    Scheduler.Task expiryTask;

    ClassicGroupMember(String memberId, String groupInstanceId, String clientId, String clientHost,
                       int rebalanceTimeoutMs, int sessionTimeoutMs, String protocolType,
                       List<JoinGroupRequest.Protocol> protocols) {
        this.memberId = memberId;
        this.groupInstanceId = groupInstanceId;
        this.clientId = clientId;
        this.clientHost = clientHost;
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.protocolType = protocolType;
        this.protocols = List.copyOf(protocols);
    }

    boolean isAwaitingJoin() {
        return awaitingJoin != null;
    }

    boolean isStatic() {
        return groupInstanceId != null;
    }

    /** @return the member's metadata for the protocol, or null if it does not support it */
    byte[] metadata(String protocol) {
        for (JoinGroupRequest.Protocol p : protocols) {
            if (p.name().equals(protocol)) {
                return p.metadata();
            }
        }
        return null;
    }

    boolean matches(List<JoinGroupRequest.Protocol> other) {
        if (other.size() != protocols.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            JoinGroupRequest.Protocol a = protocols.get(i);
            JoinGroupRequest.Protocol b = other.get(i);
            if (!a.name().equals(b.name()) || !Arrays.equals(a.metadata(), b.metadata())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Member(" + memberId + (groupInstanceId == null ? "" : ", instance " + groupInstanceId) + ")";
    }
}
