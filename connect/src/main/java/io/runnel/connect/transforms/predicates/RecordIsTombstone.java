package io.runnel.connect.transforms.predicates;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;

import java.util.Map;

/**
 * True for tombstones (records whose value is null), as Kafka Connect's {@code RecordIsTombstone}. No settings.
 *
 * @param <R> the record type
 */
public class RecordIsTombstone<R extends ConnectRecord<R>> implements Predicate<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef();

    /** Creates the predicate. */
    public RecordIsTombstone() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public boolean test(R record) {
        return record.value() == null;
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "RecordIsTombstone{}";
    }
}
