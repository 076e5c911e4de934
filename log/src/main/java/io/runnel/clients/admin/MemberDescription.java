package io.runnel.clients.admin;

import java.util.Optional;

/**
 * A consumer group member (Kafka's {@code MemberDescription}).
 *
 * @param consumerId      the member id
 * @param groupInstanceId the static instance id
 * @param clientId        the member's {@code client.id}
 * @param host            where it runs ({@code /in-process} for embedded clients)
 * @param assignment      its partitions (empty until the group is stable)
 */
public record MemberDescription(String consumerId, Optional<String> groupInstanceId, String clientId, String host,
                                MemberAssignment assignment) {
}
