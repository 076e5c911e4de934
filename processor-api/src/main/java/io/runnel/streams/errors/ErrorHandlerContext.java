package io.runnel.streams.errors;

import io.runnel.common.header.Headers;
import io.runnel.streams.processor.TaskId;

/**
 * Where a record that failed came from, given to every exception handler (Kafka's {@code ErrorHandlerContext}).
 * For a failure outside the processing of an input record (a punctuation), topic is null and partition and offset
 * are -1.
 */
public interface ErrorHandlerContext {

    /** @return the input topic, or null */
    String topic();

    /** @return the input partition, or -1 */
    int partition();

    /** @return the input offset, or -1 */
    long offset();

    /** @return the input record's headers */
    Headers headers();

    /** @return the node that was processing (for deserialization failures: the source node) */
    String processorNodeId();

    /** @return the task */
    TaskId taskId();

    /** @return the timestamp (ms) of the record being processed, or -1 */
    long timestamp();
}
