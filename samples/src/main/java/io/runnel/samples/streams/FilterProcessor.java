package io.runnel.samples.streams;

import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.Record;

/**
 * A Processor API processor that forwards records whose value is longer than 5 characters and drops the others
 * (what {@code KStream.filter((k, v) -> v.length() > 5)} does in the DSL). It asks for a commit after each record,
 * as Kafka's tutorial version does; the runtime commits at the end of that loop iteration rather than per record.
 *
 * <p>One instance per stream task, called on the task's thread only: no synchronisation needed.
 */
public class FilterProcessor extends ContextualProcessor<String, String, String, String> {

    /** Creates the processor; the topology's supplier calls this once per task. */
    public FilterProcessor() {
    }

    /**
     * @param record a record; a null value is dropped
     */
    @Override
    public void process(Record<String, String> record) {
        if (record.value() != null && record.value().length() > StreamFilter.MIN_LENGTH_EXCLUSIVE) {
            context().forward(record);
        }
        context().commit();
    }
}
