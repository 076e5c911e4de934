package io.runnel.connect.runtime.errors;

import io.runnel.common.header.Header;
import io.runnel.common.header.internals.RecordHeader;
import io.runnel.connect.json.JsonConverter;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.source.SourceRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Sends failed records to the dead-letter queue topic ({@code errors.deadletterqueue.topic.name}), as Kafka
 * Connect's {@code DeadLetterQueueReporter} (KIP-298).
 *
 * <p>A failed sink record is written as it was consumed: same key, value, headers and timestamp. With {@code
 * errors.deadletterqueue.context.headers.enable=true} these headers are appended, each a UTF-8 string, with
 * Kafka's names: {@value #ERROR_HEADER_ORIG_TOPIC}, {@value #ERROR_HEADER_ORIG_PARTITION}, {@value
 * #ERROR_HEADER_ORIG_OFFSET} (sink records only), {@value #ERROR_HEADER_CONNECTOR_NAME}, {@value
 * #ERROR_HEADER_TASK_ID}, {@value #ERROR_HEADER_STAGE}, {@value #ERROR_HEADER_EXECUTING_CLASS}, {@value
 * #ERROR_HEADER_EXCEPTION}, {@value #ERROR_HEADER_EXCEPTION_MESSAGE} and {@value
 * #ERROR_HEADER_EXCEPTION_STACK_TRACE}.
 *
 * <p>Beyond Kafka, which has a dead-letter queue for sinks only: a failed source record (one whose conversion or
 * transformation failed) is written with its key and value rendered by the {@link JsonConverter} with schemas
 * enabled, so nothing is lost whatever the connector's converters are; the original topic header holds the
 * topic the record was meant for (and the partition header its partition, when set).
 *
 * <p>Used by one task thread.
 */
public class DeadLetterQueueReporter implements ErrorReporter {

    /** The topic the failed record was consumed from (or meant for). */
    public static final String ERROR_HEADER_ORIG_TOPIC = "__connect.errors.topic";
    /** Its partition. */
    public static final String ERROR_HEADER_ORIG_PARTITION = "__connect.errors.partition";
    /** Its offset (sink records). */
    public static final String ERROR_HEADER_ORIG_OFFSET = "__connect.errors.offset";
    /** The connector's name. */
    public static final String ERROR_HEADER_CONNECTOR_NAME = "__connect.errors.connector.name";
    /** The task's number. */
    public static final String ERROR_HEADER_TASK_ID = "__connect.errors.task.id";
    /** The {@link Stage} that failed. */
    public static final String ERROR_HEADER_STAGE = "__connect.errors.stage";
    /** The class that failed. */
    public static final String ERROR_HEADER_EXECUTING_CLASS = "__connect.errors.class.name";
    /** The exception's class. */
    public static final String ERROR_HEADER_EXCEPTION = "__connect.errors.exception.class.name";
    /** The exception's message. */
    public static final String ERROR_HEADER_EXCEPTION_MESSAGE = "__connect.errors.exception.message";
    /** The exception's stack trace. */
    public static final String ERROR_HEADER_EXCEPTION_STACK_TRACE = "__connect.errors.exception.stacktrace";

    private final ConnectorTaskId taskId;
    private final ErrorHandlingConfig config;
    private final DeadLetterQueueProducer producer;
    private final JsonConverter sourceKeyConverter = new JsonConverter();
    private final JsonConverter sourceValueConverter = new JsonConverter();

    /**
     * @param taskId   the task whose failures are reported
     * @param config   the error-handling settings; the dead-letter queue must be enabled
     * @param producer writes the records
     * @throws IllegalArgumentException if no dead-letter queue topic is configured
     */
    public DeadLetterQueueReporter(ConnectorTaskId taskId, ErrorHandlingConfig config,
                                   DeadLetterQueueProducer producer) {
        if (!config.dlqEnabled()) {
            throw new IllegalArgumentException("No dead-letter queue topic is configured "
                    + "(errors.deadletterqueue.topic.name is empty)");
        }
        this.taskId = taskId;
        this.config = config;
        this.producer = producer;
        sourceKeyConverter.configure(Map.of("schemas.enable", true), true);
        sourceValueConverter.configure(Map.of("schemas.enable", true), false);
    }

    @Override
    public Future<Void> report(ProcessingContext context) {
        DeadLetterQueueRecord record = toRecord(context);
        return record == null ? CompletableFuture.completedFuture(null) : producer.send(record);
    }

    /**
     * @param context a failed record's context
     * @return the dead-letter queue record for it, or null when the context holds no record
     */
    DeadLetterQueueRecord toRecord(ProcessingContext context) {
        List<Header> headers = new ArrayList<>();
        byte[] key;
        byte[] value;
        Long timestamp;
        if (context.consumedRecord() != null) {
            RawRecord r = context.consumedRecord();
            key = r.key();
            value = r.value();
            timestamp = r.timestamp();
            headers.addAll(r.headers());
            if (config.dlqContextHeadersEnable()) {
                headers.add(header(ERROR_HEADER_ORIG_TOPIC, r.topic()));
                headers.add(header(ERROR_HEADER_ORIG_PARTITION, String.valueOf(r.partition())));
                headers.add(header(ERROR_HEADER_ORIG_OFFSET, String.valueOf(r.offset())));
            }
        } else if (context.sourceRecord() != null) {
            SourceRecord r = context.sourceRecord();
            key = sourceKeyConverter.fromConnectData(r.topic(), r.keySchema(), r.key());
            value = sourceValueConverter.fromConnectData(r.topic(), r.valueSchema(), r.value());
            timestamp = r.timestamp();
            if (config.dlqContextHeadersEnable()) {
                headers.add(header(ERROR_HEADER_ORIG_TOPIC, r.topic()));
                if (r.kafkaPartition() != null) {
                    headers.add(header(ERROR_HEADER_ORIG_PARTITION, String.valueOf(r.kafkaPartition())));
                }
            }
        } else {
            return null;
        }
        if (config.dlqContextHeadersEnable()) {
            headers.add(header(ERROR_HEADER_CONNECTOR_NAME, taskId.connector()));
            headers.add(header(ERROR_HEADER_TASK_ID, String.valueOf(taskId.task())));
            headers.add(header(ERROR_HEADER_STAGE, context.stage() == null ? null : context.stage().name()));
            headers.add(header(ERROR_HEADER_EXECUTING_CLASS, context.executingClass() == null ? null
                    : context.executingClass().getName()));
            Throwable error = context.error();
            if (error != null) {
                headers.add(header(ERROR_HEADER_EXCEPTION, error.getClass().getName()));
                headers.add(header(ERROR_HEADER_EXCEPTION_MESSAGE, error.getMessage()));
                StringWriter trace = new StringWriter();
                try (PrintWriter writer = new PrintWriter(trace)) {
                    error.printStackTrace(writer);
                }
                headers.add(header(ERROR_HEADER_EXCEPTION_STACK_TRACE, trace.toString()));
            }
        }
        return new DeadLetterQueueRecord(config.dlqTopic(), timestamp, key, value, headers);
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
