package io.runnel.streams.processor.api;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Punctuator;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.TaskId;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a processor sees of its task, shared by {@link ProcessorContext} and {@link FixedKeyProcessorContext}
 * (Kafka's {@code ProcessingContext}).
 *
 * <p>One context per task; a processor keeps the instance given to {@code init} and calls it on the task's thread
 * only (from {@code init}, {@code process}, a punctuator or {@code close}). Not thread-safe.
 */
public interface ProcessingContext {

    /** @return the {@code application.id} */
    String applicationId();

    /** @return the task this processor instance belongs to ({@code <subtopology>_<partition>}) */
    TaskId taskId();

    /**
     * @return topic, partition and offset of the input record being processed; empty in a punctuation and for
     *         records a punctuator forwards
     */
    Optional<RecordMetadata> recordMetadata();

    /** @return the {@code default.key.serde} of the application, or null if none is configured */
    Serde<?> keySerde();

    /** @return the {@code default.value.serde} of the application, or null if none is configured */
    Serde<?> valueSerde();

    /** @return the task's state directory {@code <state.dir>/<application.id>/<task>} */
    File stateDir();

    /**
     * Returns a store connected to this processor (through {@code Topology.addStateStore(builder, processorNames)},
     * {@code connectProcessorAndStateStores} or the supplier's {@code stores()}) or a global store.
     *
     * @param <S>  the store type
     * @param name the store name
     * @return the store, open; the same instance for the life of the task
     * @throws io.runnel.streams.errors.StreamsException if no store of that name is connected to this processor
     *                                                   (the message lists the connected ones)
     */
    <S extends StateStore> S getStateStore(String name);

    /**
     * Schedules a periodic callback.
     *
     * <p>{@link PunctuationType#STREAM_TIME}: fires when stream time (the largest timestamp the task has processed)
     * reaches the next multiple of {@code interval} after scheduling, at most once per stream-time advance however
     * far it jumps; it never fires while no data arrives. {@link PunctuationType#WALL_CLOCK_TIME}: fires when the
     * application's clock (the injected {@code Time}) passes the next deadline, checked between records; if a
     * deadline was missed by several intervals it fires once and the next deadline is the next one in the future.
     *
     * @param interval  the period, at least 1 ms
     * @param type      which time drives it
     * @param callback  called on the task's thread with the time (ms) that triggered it
     * @return a handle to cancel the schedule
     * @throws IllegalArgumentException if {@code interval} is shorter than 1 ms
     */
    Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback);

    /**
     * Requests a commit of this task (stores flushed, output flushed, input offsets committed, checkpoint written)
     * after the current record or punctuation; the thread honours it before its next poll.
     */
    void commit();

    /** @return the application configuration (original values with Kafka's names), not modifiable */
    Map<String, Object> appConfigs();

    /**
     * @param prefix a prefix such as {@code "consumer."}
     * @return the settings whose names start with the prefix, with the prefix removed
     */
    Map<String, Object> appConfigsWithPrefix(String prefix);

    /** @return the application's wall-clock time in ms (the injected {@code Time}, cached per loop iteration) */
    long currentSystemTimeMs();

    /**
     * @return the task's stream time in ms: the largest record timestamp it has processed, or -1 before its first
     *         record
     */
    long currentStreamTimeMs();
}
