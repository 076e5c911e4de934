package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.TableJoined;
import io.runnel.streams.processor.StreamPartitioner;

/**
 * The compiler's view of {@link TableJoined}.
 *
 * @param <K>  this table's key type
 * @param <KO> the other table's key type
 */
public final class TableJoinedInternal<K, KO> extends TableJoined<K, KO> {

    /** @param t the user's object, or null for all defaults */
    public TableJoinedInternal(TableJoined<K, KO> t) {
        super(t == null ? TableJoined.<K, KO>with(null, null) : t);
    }

    /** @return this table's partitioner, or null */
    public StreamPartitioner<K, Void> partitioner() {
        return partitioner;
    }

    /** @return the other table's partitioner, or null */
    public StreamPartitioner<KO, Void> otherPartitioner() {
        return otherPartitioner;
    }

    /** @return the name, or null */
    public String name() {
        return name;
    }
}
