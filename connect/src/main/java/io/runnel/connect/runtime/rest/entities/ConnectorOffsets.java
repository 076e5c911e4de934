package io.runnel.connect.runtime.rest.entities;

import java.util.List;
import java.util.Map;

/**
 * A connector's committed offsets ({@code GET /connectors/{name}/offsets}, KIP-875; Kafka's JSON {@code
 * {"offsets": [{"partition": {...}, "offset": {...}}]}}). For a source connector, the source partitions and
 * offsets its tasks committed; for a sink, {@code {"kafka_topic", "kafka_partition"}} and {@code
 * {"kafka_offset"}} from its consumer group. Immutable.
 *
 * @param offsets one entry per partition
 */
public record ConnectorOffsets(List<ConnectorOffset> offsets) {

    /** Copies the list. */
    public ConnectorOffsets {
        offsets = List.copyOf(offsets);
    }

    /**
     * @param partition the (source or topic) partition
     * @param offset    its committed offset
     */
    public record ConnectorOffset(Map<String, ?> partition, Map<String, ?> offset) {
    }
}
