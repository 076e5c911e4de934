package io.runnel.cli.internals;

import io.runnel.cli.CliException;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.header.Header;
import io.runnel.common.header.Headers;
import io.runnel.common.record.TimestampType;
import io.runnel.common.serialization.Deserializer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints consumed records as Kafka's console consumer does (its default message formatter), from the same
 * {@code --property name=value} settings:
 *
 * <pre>
 *   print.timestamp   false   "CreateTime:1700000000000" (or LogAppendTime:..., NO_TIMESTAMP)
 *   print.partition   false   "Partition:0"
 *   print.offset      false   "Offset:42"
 *   print.headers     false   "k1:v1,k2:v2" or "NO_HEADERS"
 *   print.key         false   the key, "null" when absent
 *   print.value       true    the value, "null" when absent
 *   key.separator     \t      between the fields above, in this order
 *   line.separator    \n      after each record
 *   headers.separator ,       between headers
 *   null.literal      null    what a missing key, value or header value prints as
 *   key.deserializer, value.deserializer, headers.deserializer
 *                     (none)  a Deserializer class whose result's toString() is printed; bytes are printed as
 *                             UTF-8 otherwise. Kafka's class names (org.apache.kafka.common.serialization.X) are
 *                             accepted for Runnel's. Settings prefixed "key.deserializer." etc. configure it.
 * </pre>
 *
 * Not thread-safe.
 */
final class RecordFormatter implements AutoCloseable {

    private static final String KAFKA_SERDE_PACKAGE = "org.apache.kafka.common.serialization.";
    private static final String RUNNEL_SERDE_PACKAGE = "io.runnel.common.serialization.";

    private final boolean printTimestamp;
    private final boolean printPartition;
    private final boolean printOffset;
    private final boolean printHeaders;
    private final boolean printKey;
    private final boolean printValue;
    private final String keySeparator;
    private final String lineSeparator;
    private final String headersSeparator;
    private final String nullLiteral;
    private final Deserializer<?> keyDeserializer;
    private final Deserializer<?> valueDeserializer;
    private final Deserializer<?> headersDeserializer;

    /**
     * @param settings the formatter settings
     * @throws CliException if a deserializer class cannot be loaded or created
     */
    RecordFormatter(Map<String, String> settings) {
        printTimestamp = flag(settings, "print.timestamp", false);
        printPartition = flag(settings, "print.partition", false);
        printOffset = flag(settings, "print.offset", false);
        printHeaders = flag(settings, "print.headers", false);
        printKey = flag(settings, "print.key", false);
        printValue = flag(settings, "print.value", true);
        keySeparator = settings.getOrDefault("key.separator", "\t");
        lineSeparator = settings.getOrDefault("line.separator", "\n");
        headersSeparator = settings.getOrDefault("headers.separator", ",");
        nullLiteral = settings.getOrDefault("null.literal", "null");
        keyDeserializer = deserializer(settings, "key.deserializer", true);
        valueDeserializer = deserializer(settings, "value.deserializer", false);
        headersDeserializer = deserializer(settings, "headers.deserializer", false);
    }

    private static boolean flag(Map<String, String> settings, String name, boolean defaultValue) {
        String value = settings.get(name);
        return value == null ? defaultValue : value.trim().equalsIgnoreCase("true");
    }

    private static Deserializer<?> deserializer(Map<String, String> settings, String name, boolean isKey) {
        String className = settings.get(name);
        if (className == null || className.isBlank()) {
            return null;
        }
        className = className.trim();
        if (className.startsWith(KAFKA_SERDE_PACKAGE)) {
            className = RUNNEL_SERDE_PACKAGE + className.substring(KAFKA_SERDE_PACKAGE.length());
        }
        Object instance;
        try {
            Class<?> type = Class.forName(className, true, RecordFormatter.class.getClassLoader());
            instance = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new CliException("Could not create the " + name + " " + className + ": " + CliErrorHandler.describe(e)
                    + " (give a Deserializer class with a public no-argument constructor, for example "
                    + RUNNEL_SERDE_PACKAGE + "LongDeserializer)", e);
        }
        if (!(instance instanceof Deserializer<?> deserializer)) {
            throw new CliException("The " + name + " " + className + " is not a " + Deserializer.class.getName());
        }
        Map<String, Object> configs = new HashMap<>();
        String prefix = name + ".";
        settings.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                configs.put(k.substring(prefix.length()), v);
            }
        });
        deserializer.configure(configs, isKey);
        return deserializer;
    }

    /**
     * Writes one record.
     *
     * @param record the record (raw bytes)
     * @param out    where to
     */
    void write(ConsumerRecord<byte[], byte[]> record, PrintWriter out) {
        if (printTimestamp) {
            out.print(record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? "NO_TIMESTAMP"
                    : record.timestampType() + ":" + record.timestamp());
            separator(out, printPartition || printOffset || printHeaders || printKey || printValue);
        }
        if (printPartition) {
            out.print("Partition:" + record.partition());
            separator(out, printOffset || printHeaders || printKey || printValue);
        }
        if (printOffset) {
            out.print("Offset:" + record.offset());
            separator(out, printHeaders || printKey || printValue);
        }
        if (printHeaders) {
            Iterator<Header> headers = record.headers().iterator();
            if (!headers.hasNext()) {
                out.print("NO_HEADERS");
            }
            while (headers.hasNext()) {
                Header header = headers.next();
                out.print(header.key() + ":" + render(headersDeserializer, record.topic(), record.headers(), header.value()));
                if (headers.hasNext()) {
                    out.print(headersSeparator);
                }
            }
            separator(out, printKey || printValue);
        }
        if (printKey) {
            out.print(render(keyDeserializer, record.topic(), record.headers(), record.key()));
            separator(out, printValue);
        }
        if (printValue) {
            out.print(render(valueDeserializer, record.topic(), record.headers(), record.value()));
            out.print(lineSeparator);
        }
    }

    private void separator(PrintWriter out, boolean moreColumns) {
        out.print(moreColumns ? keySeparator : lineSeparator);
    }

    private String render(Deserializer<?> deserializer, String topic, Headers headers, byte[] bytes) {
        if (bytes == null) {
            return nullLiteral;
        }
        if (deserializer == null) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Object value = deserializer.deserialize(topic, headers, bytes);
        return value == null ? nullLiteral : value.toString();
    }

    @Override
    public void close() {
        for (Deserializer<?> d : new Deserializer<?>[]{keyDeserializer, valueDeserializer, headersDeserializer}) {
            if (d != null) {
                try {
                    d.close();
                } catch (RuntimeException e) {
                    // Closing a deserializer after printing cannot change the output; nothing to report.
                }
            }
        }
    }
}
