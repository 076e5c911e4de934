package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.transforms.util.TransformConfig;

import java.text.SimpleDateFormat;
import java.util.Map;
import java.util.TimeZone;

/**
 * Routes each record to a topic named from its topic and timestamp, as Kafka Connect's {@code TimestampRouter}:
 * {@code topic.format} (default {@code ${topic}-${timestamp}}) with {@code ${timestamp}} rendered by the {@link
 * SimpleDateFormat} pattern {@code timestamp.format} (default {@code yyyyMMdd}) in UTC. A record without a
 * timestamp is a {@link DataException}.
 *
 * @param <R> the record type
 */
public class TimestampRouter<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("topic.format", ConfigDef.Type.STRING, "${topic}-${timestamp}", ConfigDef.Importance.HIGH,
                    "Format string which can contain ${topic} and ${timestamp} as placeholders for the topic and "
                            + "timestamp, respectively.")
            .define("timestamp.format", ConfigDef.Type.STRING, "yyyyMMdd", (name, value) -> {
                try {
                    new SimpleDateFormat((String) value);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new ConfigException(name, value, "not a java.text.SimpleDateFormat pattern");
                }
            }, ConfigDef.Importance.HIGH, "Format string for the timestamp that is compatible with "
                    + "java.text.SimpleDateFormat.");

    private String topicFormat;
    private SimpleDateFormat timestampFormat;

    /** Creates the transformation. */
    public TimestampRouter() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        topicFormat = config.getString("topic.format");
        timestampFormat = new SimpleDateFormat(config.getString("timestamp.format"));
        timestampFormat.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public R apply(R record) {
        Long timestamp = record.timestamp();
        if (timestamp == null) {
            throw new DataException("Timestamp missing on record: " + record);
        }
        String formatted = timestampFormat.format(new java.util.Date(timestamp));
        String topic = topicFormat.replace("${topic}", record.topic()).replace("${timestamp}", formatted);
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }
}
