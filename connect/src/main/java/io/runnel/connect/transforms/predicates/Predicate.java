package io.runnel.connect.transforms.predicates;

import io.runnel.common.Configurable;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;

/**
 * A condition on records that decides whether a transformation applies, as Kafka Connect's {@code Predicate}
 * (KIP-585). Configured with {@code predicates=<alias>,...}, {@code predicates.<alias>.type=<class>} and
 * {@code predicates.<alias>.<setting>}; a transformation names it in {@code transforms.<t>.predicate} and may
 * invert it with {@code transforms.<t>.negate=true}.
 *
 * <p>An instance serves one task and is called from that task's thread only.
 *
 * @param <R> the record type
 */
public interface Predicate<R extends ConnectRecord<R>> extends Configurable, AutoCloseable {

    /** @return the definition of the predicate's settings */
    ConfigDef config();

    /**
     * @param record a record
     * @return whether the condition holds
     */
    boolean test(R record);

    /** Releases resources. */
    @Override
    void close();
}
