package io.runnel.connect.runtime.errors;

import java.util.concurrent.Future;

/**
 * Writes dead-letter queue records to the log. The worker implements it with a producer (creating the topic with
 * {@code errors.deadletterqueue.topic.replication.factor} if needed); tests implement it with a list. Called on a
 * task's thread; implementations shared by tasks must be thread-safe.
 */
@FunctionalInterface
public interface DeadLetterQueueProducer {

    /**
     * @param record the record to write
     * @return completes when the log acknowledged it, or exceptionally when it could not be written
     */
    Future<Void> send(DeadLetterQueueRecord record);
}
