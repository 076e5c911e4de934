package io.runnel.connect.runtime.errors;

import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Logs each failed record at ERROR ({@code errors.log.enable=true}), naming the task, stage, class and record;
 * with {@code errors.log.include.messages=true} the record's key, value and headers too (they may be sensitive,
 * hence off by default). Stateless apart from its settings.
 */
public class LogReporter implements ErrorReporter {

    private static final Logger log = LoggerFactory.getLogger(LogReporter.class);

    private final ConnectorTaskId taskId;
    private final ErrorHandlingConfig config;

    /**
     * @param taskId the task whose failures are logged
     * @param config the error-handling settings
     */
    public LogReporter(ConnectorTaskId taskId, ErrorHandlingConfig config) {
        this.taskId = taskId;
        this.config = config;
    }

    @Override
    public Future<Void> report(ProcessingContext context) {
        if (config.logEnable() && context.failed()) {
            log.error("Error encountered in task {}. {}", taskId, message(context), context.error());
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * @param context a failed record's context
     * @return the log line describing it
     */
    String message(ProcessingContext context) {
        StringBuilder sb = new StringBuilder("Executing stage '").append(context.stage()).append("' with class '")
                .append(context.executingClass() == null ? "null" : context.executingClass().getName()).append('\'');
        if (context.consumedRecord() != null) {
            RawRecord r = context.consumedRecord();
            sb.append(", where consumed record is {topic='").append(r.topic()).append("', partition=")
                    .append(r.partition()).append(", offset=").append(r.offset()).append(", timestamp=")
                    .append(r.timestamp());
            if (config.logIncludeMessages()) {
                sb.append(", key=").append(r.key() == null ? null : r.key().length + " bytes")
                        .append(", value=").append(r.value() == null ? null : r.value().length + " bytes")
                        .append(", headers=").append(r.headers());
            }
            sb.append('}');
        } else if (context.sourceRecord() != null) {
            SourceRecord r = context.sourceRecord();
            sb.append(", where source record is {topic='").append(r.topic()).append("', partition=")
                    .append(r.kafkaPartition()).append(", sourcePartition=").append(r.sourcePartition())
                    .append(", sourceOffset=").append(r.sourceOffset());
            if (config.logIncludeMessages()) {
                sb.append(", key=").append(r.key()).append(", value=").append(r.value())
                        .append(", headers=").append(r.headers());
            }
            sb.append('}');
        }
        return sb.append('.').toString();
    }
}
