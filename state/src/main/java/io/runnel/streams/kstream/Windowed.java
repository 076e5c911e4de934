package io.runnel.streams.kstream;

import java.util.Objects;

/**
 * A key with the window it belongs to: the key type of windowed aggregates and of window and session store
 * iterators, as Kafka's {@code Windowed}. Immutable if the key is.
 *
 * @param <K> the key type
 */
public class Windowed<K> {

    private final K key;
    private final Window window;

    /**
     * @param key    the key
     * @param window the window, not null
     */
    public Windowed(K key, Window window) {
        this.key = key;
        this.window = Objects.requireNonNull(window, "window");
    }

    /** @return the key */
    public K key() {
        return key;
    }

    /** @return the window */
    public Window window() {
        return window;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Windowed<?> w && Objects.deepEquals(key, w.key) && window.equals(w.window));
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(key) + window.hashCode();
    }

    /** @return {@code [key@start/end]} as Kafka prints it */
    @Override
    public String toString() {
        return "[" + key + "@" + window.start() + "/" + window.end() + "]";
    }
}
