package io.runnel.streams.state.internals;

/**
 * A supplier of Runnel's own bytes stores, which can create a store for plain or timestamped values (the value
 * format matters only when restoring from a changelog). The timestamped builders ask for
 * {@link ValueFormat#TIMESTAMPED}; a supplier that is not format-aware must already hold timestamped values.
 *
 * @param <T> the store type
 */
public interface FormatAwareSupplier<T> {

    /**
     * @param format the value format
     * @return a new store for that format
     */
    T get(ValueFormat format);
}
