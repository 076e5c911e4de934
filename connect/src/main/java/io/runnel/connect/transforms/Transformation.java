package io.runnel.connect.transforms;

import io.runnel.common.Configurable;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;

import java.io.Closeable;

/**
 * A single message transformation (SMT), as Kafka Connect's {@code Transformation}: changes, reroutes or drops
 * one record at a time. Configured in a connector with {@code transforms=<alias>,...} and {@code
 * transforms.<alias>.type=<class>} plus {@code transforms.<alias>.<setting>}; applied in order, after a source
 * task's {@code poll} and before a sink task's {@code put}.
 *
 * <p>An instance serves one task and is called from that task's thread only.
 *
 * @param <R> the record type (source or sink records)
 */
public interface Transformation<R extends ConnectRecord<R>> extends Configurable, Closeable {

    /**
     * @param record a record; not modified (return a {@link ConnectRecord#newRecord} copy)
     * @return the transformed record, or null to drop it
     * @throws io.runnel.connect.errors.DataException if the record does not have the shape the transformation
     *         needs (with {@code errors.tolerance=all} the record is then skipped and reported)
     */
    R apply(R record);

    /** @return the definition of the transformation's settings */
    ConfigDef config();

    /** Releases resources. */
    @Override
    void close();
}
