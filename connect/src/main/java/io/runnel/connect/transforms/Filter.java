package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;

import java.util.Map;

/**
 * Drops every record it sees, as Kafka Connect's {@code Filter}; use it with a predicate
 * ({@code transforms.<alias>.predicate}) to drop only some. No settings.
 *
 * @param <R> the record type
 */
public class Filter<R extends ConnectRecord<R>> implements Transformation<R> {

    /** Creates the transformation. */
    public Filter() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        new ConfigDef().parse(configs);
    }

    @Override
    public R apply(R record) {
        return null;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
    }
}
