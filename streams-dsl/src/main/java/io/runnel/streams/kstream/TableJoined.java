package io.runnel.streams.kstream;

import io.runnel.streams.processor.StreamPartitioner;

/**
 * Partitioners and name of a foreign-key KTable join, as Kafka's {@code TableJoined}: the partitioner of this
 * table's keys (used for the responses sent back to this table's partitions; null: murmur2 of the serialized key,
 * which matches tables written with the producer's default partitioner), the partitioner of the other table's keys
 * (used for the subscriptions sent to the other table's partitions), and a name for the join's processors, store
 * and internal topics. Immutable.
 *
 * @param <K>  this table's key type
 * @param <KO> the other table's key type
 */
public class TableJoined<K, KO> {

    /** This table's partitioner, or null. */
    protected final StreamPartitioner<K, Void> partitioner;
    /** Other table's partitioner, or null. */
    protected final StreamPartitioner<KO, Void> otherPartitioner;
    /** Name, or null. */
    protected final String name;

    private TableJoined(StreamPartitioner<K, Void> partitioner, StreamPartitioner<KO, Void> otherPartitioner,
                        String name) {
        this.partitioner = partitioner;
        this.otherPartitioner = otherPartitioner;
        this.name = name == null ? null : Named.validate(name);
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param t the instance to copy
     */
    protected TableJoined(TableJoined<K, KO> t) {
        this(t.partitioner, t.otherPartitioner, t.name);
    }

    /**
     * @param <K>              this table's key type
     * @param <KO>             the other table's key type
     * @param partitioner      this table's partitioner, or null
     * @param otherPartitioner the other table's partitioner, or null
     * @return a {@code TableJoined} with the partitioners
     */
    public static <K, KO> TableJoined<K, KO> with(StreamPartitioner<K, Void> partitioner,
                                                  StreamPartitioner<KO, Void> otherPartitioner) {
        return new TableJoined<>(partitioner, otherPartitioner, null);
    }

    /**
     * @param <K>  this table's key type
     * @param <KO> the other table's key type
     * @param name the join's name
     * @return a {@code TableJoined} with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, KO> TableJoined<K, KO> as(String name) {
        return new TableJoined<>(null, null, name);
    }

    /**
     * @param partitioner this table's partitioner, or null
     * @return a copy with the partitioner
     */
    public TableJoined<K, KO> withPartitioner(StreamPartitioner<K, Void> partitioner) {
        return new TableJoined<>(partitioner, otherPartitioner, name);
    }

    /**
     * @param otherPartitioner the other table's partitioner, or null
     * @return a copy with the partitioner
     */
    public TableJoined<K, KO> withOtherPartitioner(StreamPartitioner<KO, Void> otherPartitioner) {
        return new TableJoined<>(partitioner, otherPartitioner, name);
    }

    /**
     * @param name the join's name
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public TableJoined<K, KO> withName(String name) {
        return new TableJoined<>(partitioner, otherPartitioner, name);
    }
}
