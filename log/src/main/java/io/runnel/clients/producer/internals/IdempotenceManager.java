package io.runnel.clients.producer.internals;

import io.runnel.common.TopicPartition;
import io.runnel.common.record.DefaultRecordBatch;

import java.util.HashMap;
import java.util.Map;

/**
 * The idempotent producer's state (the idempotence part of Kafka's {@code TransactionManager}): the producer id and
 * epoch from InitProducerId and the next sequence per partition. Sequences are assigned when the sender drains a
 * batch; with one batch in flight per partition a batch that definitely failed returns its sequence range, and a
 * batch whose fate is unknown (retries exhausted) makes the producer take a new producer id, so a later batch can
 * never be mistaken for a duplicate of it. Thread-safe.
 */
public final class IdempotenceManager {

    private long producerId = -1L;
    private short epoch = -1;
    private final Map<TopicPartition, Integer> nextSequence = new HashMap<>();

    synchronized boolean hasProducerId() {
        return producerId >= 0;
    }

    synchronized long producerId() {
        return producerId;
    }

    synchronized short epoch() {
        return epoch;
    }

    synchronized void setProducerIdAndEpoch(long producerId, short epoch) {
        this.producerId = producerId;
        this.epoch = epoch;
        nextSequence.clear();
    }

    /** Forgets the producer id: the sender gets a new one before the next batch. */
    synchronized void reset() {
        producerId = -1L;
        epoch = -1;
        nextSequence.clear();
    }

    /** @return the base sequence for a batch of {@code count} records, advancing the partition's next sequence */
    synchronized int takeSequence(TopicPartition tp, int count) {
        int base = nextSequence.getOrDefault(tp, 0);
        nextSequence.put(tp, DefaultRecordBatch.incrementSequence(base, count));
        return base;
    }

    /** Gives a definitely-failed batch's sequences back (only if no later batch took sequences meanwhile). */
    synchronized void rollback(TopicPartition tp, long batchProducerId, int baseSequence, int count) {
        if (batchProducerId == producerId
                && nextSequence.getOrDefault(tp, 0) == DefaultRecordBatch.incrementSequence(baseSequence, count)) {
            nextSequence.put(tp, baseSequence);
        }
    }
}
