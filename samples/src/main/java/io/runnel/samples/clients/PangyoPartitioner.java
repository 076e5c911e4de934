package io.runnel.samples.clients;

import io.runnel.clients.producer.Partitioner;
import io.runnel.common.Cluster;
import io.runnel.common.errors.InvalidRecordException;
import io.runnel.common.utils.Utils;

import java.util.Map;

/**
 * A custom {@link Partitioner}, set with {@code partitioner.class}: records with key {@value #RESERVED_KEY} always go
 * to partition 0, and partition 0 is kept for them; every other key is hashed with murmur2 (Kafka's hash, seed
 * {@code 0x9747b28c}, {@link Utils#murmur2}) over the remaining partitions: {@code 1 + toPositive(murmur2(keyBytes)) %
 * (partitions - 1)}. On a topic with a single partition every record goes to 0.
 *
 * <p>Records need a key: a record without one fails {@code send} with {@link InvalidRecordException}.
 *
 * <p>Stateless, hence thread-safe (the producer calls it on every thread that sends). Used by
 * {@link ProducerWithCustomPartitioner}.
 */
public class PangyoPartitioner implements Partitioner {

    /** The key that owns partition 0. */
    public static final String RESERVED_KEY = "Pangyo";

    /** Creates the partitioner; the producer uses this public no-argument constructor. */
    public PangyoPartitioner() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    /**
     * @throws InvalidRecordException if the record has no key
     */
    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                         Cluster cluster) {
        if (keyBytes == null) {
            throw new InvalidRecordException("Records sent with " + PangyoPartitioner.class.getSimpleName()
                    + " need a key (topic " + topic + ")");
        }
        if (RESERVED_KEY.equals(key)) {
            return 0;
        }
        int partitions = cluster.partitionCountForTopic(topic);
        if (partitions == 1) {
            return 0;
        }
        return 1 + Utils.toPositive(Utils.murmur2(keyBytes)) % (partitions - 1);
    }

    @Override
    public void close() {
    }
}
