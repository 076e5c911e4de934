package io.runnel.connect.runtime.errors;

import java.util.concurrent.Future;

/**
 * Reports a record that failed processing: to the log ({@link LogReporter}), to a dead-letter queue ({@link
 * DeadLetterQueueReporter}) or elsewhere. Called on the task's thread.
 */
public interface ErrorReporter extends AutoCloseable {

    /**
     * @param context the failed record's context ({@link ProcessingContext#failed()} is true)
     * @return completes when the report is durable; a reporter that writes synchronously returns a completed future
     */
    Future<Void> report(ProcessingContext context);

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
