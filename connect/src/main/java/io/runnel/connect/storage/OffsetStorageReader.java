package io.runnel.connect.storage;

import java.util.Collection;
import java.util.Map;

/**
 * Reads the committed offsets of a source connector's partitions, as Kafka Connect's {@code
 * OffsetStorageReader}. Offsets come back as they went through JSON: integral numbers as {@link Long}, other
 * numbers as {@link Double}. Thread-safe.
 */
public interface OffsetStorageReader {

    /**
     * @param <T>       the partition map's value type
     * @param partition a source partition
     * @return its last committed offset, or null if none was committed
     */
    <T> Map<String, Object> offset(Map<String, T> partition);

    /**
     * @param <T>        the partition maps' value type
     * @param partitions source partitions
     * @return the last committed offset of each partition that has one
     */
    <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions);
}
