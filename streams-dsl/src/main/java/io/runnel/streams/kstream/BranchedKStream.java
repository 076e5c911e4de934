package io.runnel.streams.kstream;

import java.util.Map;

/**
 * Builds the branches of {@link KStream#split()}, as Kafka's {@code BranchedKStream}: predicates are tried in the
 * order the branches were added and a record goes to the first branch whose predicate it satisfies; records
 * satisfying none go to the default branch or are dropped. Stateless; never repartitions.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BranchedKStream<K, V> {

    /**
     * @param predicate the branch's test
     * @return this builder
     */
    BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate);

    /**
     * @param predicate the branch's test
     * @param branched  the branch's name and what to do with its stream
     * @return this builder
     */
    BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched);

    /**
     * Ends the split with a branch for the records no predicate took.
     *
     * @return the branches by name (split name + branch name, or + position from 1), except those consumed by a
     *         {@link Branched#withConsumer} or whose function returned null
     */
    Map<String, KStream<K, V>> defaultBranch();

    /**
     * As {@link #defaultBranch()}, naming the default branch or handling its stream.
     *
     * @param branched the default branch's name and handling
     * @return the branches by name
     */
    Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched);

    /**
     * Ends the split without a default branch: records no predicate took are dropped.
     *
     * @return the branches by name
     */
    Map<String, KStream<K, V>> noDefaultBranch();
}
