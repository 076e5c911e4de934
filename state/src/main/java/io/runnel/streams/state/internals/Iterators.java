package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueIterator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/** Store iterator combinators: empty, from a Java iterator, filtered, mapped, concatenated and k-way merged. */
public final class Iterators {

    private Iterators() {
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return an iterator with no entries
     */
    public static <K, V> KeyValueIterator<K, V> empty() {
        return new AbstractKeyValueIterator<>() {
            @Override
            protected KeyValue<K, V> computeNext() {
                return null;
            }
        };
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param source entries
     * @param onClose run once on close
     * @return an iterator over {@code source}
     */
    public static <K, V> KeyValueIterator<K, V> of(Iterator<KeyValue<K, V>> source, Runnable onClose) {
        return new AbstractKeyValueIterator<>() {
            @Override
            protected KeyValue<K, V> computeNext() {
                return source.hasNext() ? source.next() : null;
            }

            @Override
            protected void onClose() {
                onClose.run();
            }
        };
    }

    /**
     * Entries of {@code source} while {@code keepGoing} holds, skipping those {@code filter} rejects.
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param source    the source, closed with the result
     * @param keepGoing false ends the iteration at that entry
     * @param filter    false skips the entry
     * @return the filtered iterator
     */
    public static <K, V> KeyValueIterator<K, V> filter(KeyValueIterator<K, V> source,
                                                       Predicate<KeyValue<K, V>> keepGoing,
                                                       Predicate<KeyValue<K, V>> filter) {
        return new AbstractKeyValueIterator<>() {
            @Override
            protected KeyValue<K, V> computeNext() {
                while (source.hasNext()) {
                    KeyValue<K, V> kv = source.next();
                    if (!keepGoing.test(kv)) {
                        return null;
                    }
                    if (filter.test(kv)) {
                        return kv;
                    }
                }
                return null;
            }

            @Override
            protected void onClose() {
                source.close();
            }
        };
    }

    /**
     * @param <K>    the source key type
     * @param <V>    the source value type
     * @param <K2>   the result key type
     * @param <V2>   the result value type
     * @param source the source, closed with the result
     * @param mapper maps each entry; a null result skips the entry
     * @return the mapped iterator
     */
    public static <K, V, K2, V2> KeyValueIterator<K2, V2> map(KeyValueIterator<K, V> source,
                                                              Function<KeyValue<K, V>, KeyValue<K2, V2>> mapper) {
        return new AbstractKeyValueIterator<>() {
            @Override
            protected KeyValue<K2, V2> computeNext() {
                while (source.hasNext()) {
                    KeyValue<K2, V2> mapped = mapper.apply(source.next());
                    if (mapped != null) {
                        return mapped;
                    }
                }
                return null;
            }

            @Override
            protected void onClose() {
                source.close();
            }
        };
    }

    /**
     * Concatenates iterators opened lazily one after another.
     *
     * @param <K>     the key type
     * @param <V>     the value type
     * @param sources suppliers of the parts, in order; each opened when the previous is exhausted
     * @return the concatenation
     */
    public static <K, V> KeyValueIterator<K, V> concat(List<java.util.function.Supplier<KeyValueIterator<K, V>>> sources) {
        return new AbstractKeyValueIterator<>() {
            private int index;
            private KeyValueIterator<K, V> current;

            @Override
            protected KeyValue<K, V> computeNext() {
                while (true) {
                    if (current != null && current.hasNext()) {
                        return current.next();
                    }
                    if (current != null) {
                        current.close();
                        current = null;
                    }
                    if (index >= sources.size()) {
                        return null;
                    }
                    current = sources.get(index++).get();
                }
            }

            @Override
            protected void onClose() {
                if (current != null) {
                    current.close();
                }
            }
        };
    }

    /**
     * Merges iterators each sorted by key bytes into one sorted iterator. Equal keys from several sources are all
     * returned, the source listed first first.
     *
     * @param <V>     the value type
     * @param sources sorted sources, closed with the result
     * @param forward true if the sources ascend, false if they descend
     * @return the merge
     */
    public static <V> KeyValueIterator<Bytes, V> mergeSorted(List<KeyValueIterator<Bytes, V>> sources,
                                                            boolean forward) {
        if (sources.size() == 1) {
            return sources.get(0);
        }
        List<KeyValueIterator<Bytes, V>> all = new ArrayList<>(sources);
        PriorityQueue<Integer> heap = new PriorityQueue<>((a, b) -> {
            int c = all.get(a).peekNextKey().compareTo(all.get(b).peekNextKey());
            c = forward ? c : -c;
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).hasNext()) {
                heap.add(i);
            }
        }
        return new AbstractKeyValueIterator<>() {
            @Override
            protected KeyValue<Bytes, V> computeNext() {
                Integer i = heap.poll();
                if (i == null) {
                    return null;
                }
                KeyValue<Bytes, V> kv = all.get(i).next();
                if (all.get(i).hasNext()) {
                    heap.add(i);
                }
                return kv;
            }

            @Override
            protected void onClose() {
                for (KeyValueIterator<Bytes, V> it : all) {
                    it.close();
                }
            }
        };
    }
}
