package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.data.Values;
import io.runnel.connect.header.Headers;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.Map;

/**
 * Adds a header named {@code header} whose value is {@code value.literal} parsed as {@link Values#parseString}
 * does (so {@code 42} becomes an INT8), as Kafka Connect's {@code InsertHeader}.
 *
 * @param <R> the record type
 */
public class InsertHeader<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("header", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, TransformConfig.nonNullString(),
                    ConfigDef.Importance.HIGH, "The name of the header.")
            .define("value.literal", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    TransformConfig.nonNullString(), ConfigDef.Importance.HIGH,
                    "The literal value that is to be set as the header value on all records.");

    private String header;
    private SchemaAndValue literal;

    /** Creates the transformation. */
    public InsertHeader() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        header = config.getString("header");
        literal = Values.parseString(config.getString("value.literal"));
    }

    @Override
    public R apply(R record) {
        Headers headers = record.headers().duplicate();
        headers.add(header, literal);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }
}
