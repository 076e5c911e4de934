package io.runnel.cli.internals;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.ListOffsetsResult;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.GroupIdNotFoundException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A group's committed offsets and the log's offsets, as {@code consumer-groups} combines them. */
final class GroupOffsets {

    /** Topic, then partition. */
    static final Comparator<TopicPartition> BY_TOPIC_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private GroupOffsets() {
    }

    /**
     * @param admin an admin client
     * @param group a group
     * @return its committed offsets (empty for a group that does not exist)
     */
    static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
            ClientSupport.await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((tp, o) -> {
                if (o != null && o.offset() >= 0) {
                    result.put(tp, o);
                }
            });
            return result;
        } catch (GroupIdNotFoundException e) {
            return Map.of();
        }
    }

    /** Offsets per partition; a partition the log cannot answer for (a deleted topic) is left out. */
    static Map<TopicPartition, Long> offsets(Admin admin, Iterable<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        if (request.isEmpty()) {
            return result;
        }
        ListOffsetsResult offsets = admin.listOffsets(request);
        for (TopicPartition tp : request.keySet()) {
            try {
                result.put(tp, ClientSupport.await(offsets.partitionResult(tp)).offset());
            } catch (UnknownTopicOrPartitionException e) {
                // The topic is gone; its row shows "-".
            }
        }
        return result;
    }
}
