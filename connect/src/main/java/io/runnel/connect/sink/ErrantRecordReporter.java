package io.runnel.connect.sink;

import java.util.concurrent.Future;

/**
 * Lets a {@link SinkTask} report a record it could not write, as Kafka Connect's {@code ErrantRecordReporter}
 * (KIP-610). The runtime applies the connector's error handling: with {@code errors.tolerance=none} reporting
 * fails the task; with {@code all} the record is logged and/or sent to the dead-letter queue and the task goes
 * on. Thread-safe.
 */
public interface ErrantRecordReporter {

    /**
     * Reports a record the task could not write.
     *
     * @param record the record as the task received it
     * @param error  why it failed
     * @return completes when the report is durable (for example written to the dead-letter queue); the task
     *         should wait on it (at the latest in {@link SinkTask#preCommit}) before committing past the record
     * @throws io.runnel.connect.errors.ConnectException if error tolerance is {@code none}
     */
    Future<Void> report(SinkRecord record, Throwable error);
}
