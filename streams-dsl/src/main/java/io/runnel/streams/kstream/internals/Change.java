package io.runnel.streams.kstream.internals;

/**
 * An update of a KTable row as it travels between the DSL's KTable processors: the new value and the value it
 * replaces (null when the row is new; a null new value deletes the row). Old values let downstream operators undo
 * what the old value contributed (the subtractor of a KTable aggregation, the old result of a join).
 *
 * @param <V>      the value type
 * @param newValue the new value, or null for a delete
 * @param oldValue the replaced value, or null if the row did not exist
 */
public record Change<V>(V newValue, V oldValue) {
}
