package io.runnel.connect.runtime.errors;

import io.runnel.connect.source.SourceRecord;

import java.util.Objects;

/**
 * What is known about one record while the pipeline processes it: the original record (consumed bytes on the sink
 * side, the task's {@link SourceRecord} on the source side), the stage and class running now, how many attempts
 * were made and the error, if any. Reporters read it to describe a failure.
 *
 * <p>One context per record, used by one task thread.
 */
public final class ProcessingContext {

    private final RawRecord consumedRecord;
    private final SourceRecord sourceRecord;
    private Stage stage;
    private Class<?> executingClass;
    private int attempt;
    private Throwable error;

    private ProcessingContext(RawRecord consumedRecord, SourceRecord sourceRecord) {
        this.consumedRecord = consumedRecord;
        this.sourceRecord = sourceRecord;
    }

    /**
     * @param record a record a sink task's consumer read
     * @return a context for processing it
     */
    public static ProcessingContext forConsumed(RawRecord record) {
        return new ProcessingContext(Objects.requireNonNull(record, "record"), null);
    }

    /**
     * @param record a record a source task returned
     * @return a context for processing it
     */
    public static ProcessingContext forSource(SourceRecord record) {
        return new ProcessingContext(null, Objects.requireNonNull(record, "record"));
    }

    /** @return the consumed record (sink side), or null on the source side */
    public RawRecord consumedRecord() {
        return consumedRecord;
    }

    /** @return the source task's record (source side), or null on the sink side */
    public SourceRecord sourceRecord() {
        return sourceRecord;
    }

    /**
     * Sets what runs now.
     *
     * @param stage          the stage
     * @param executingClass the class running it
     */
    public void currentContext(Stage stage, Class<?> executingClass) {
        this.stage = stage;
        this.executingClass = executingClass;
    }

    /** @return the stage running (or that failed) */
    public Stage stage() {
        return stage;
    }

    /** @return the class running (or that failed) */
    public Class<?> executingClass() {
        return executingClass;
    }

    /** @return attempts made by the last operation */
    public int attempt() {
        return attempt;
    }

    void attempt(int attempt) {
        this.attempt = attempt;
    }

    /** @return the failure, or null */
    public Throwable error() {
        return error;
    }

    /** @param error the failure */
    public void error(Throwable error) {
        this.error = error;
    }

    /** @return whether an operation on this record failed */
    public boolean failed() {
        return error != null;
    }

    @Override
    public String toString() {
        return "ProcessingContext{stage=" + stage + ", class=" + (executingClass == null ? null
                : executingClass.getName()) + ", attempt=" + attempt + ", record=" + (consumedRecord != null
                ? consumedRecord : sourceRecord) + ", error=" + error + "}";
    }
}
