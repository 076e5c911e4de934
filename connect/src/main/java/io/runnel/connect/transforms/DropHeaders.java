package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.header.ConnectHeaders;
import io.runnel.connect.header.Header;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Removes every header whose key is in {@code headers}, as Kafka Connect's {@code DropHeaders}.
 *
 * @param <R> the record type
 */
public class DropHeaders<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("headers", ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, TransformConfig.nonEmptyList(),
                    ConfigDef.Importance.HIGH, "The name of the headers to be removed.");

    private Set<String> headers;

    /** Creates the transformation. */
    public DropHeaders() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        headers = new HashSet<>(new TransformConfig(CONFIG_DEF, props).getList("headers"));
    }

    @Override
    public R apply(R record) {
        ConnectHeaders kept = new ConnectHeaders();
        for (Header h : record.headers()) {
            if (!headers.contains(h.key())) {
                kept.add(h);
            }
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), kept);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }
}
