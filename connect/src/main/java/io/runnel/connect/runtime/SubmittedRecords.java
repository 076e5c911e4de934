package io.runnel.connect.runtime;

import io.runnel.connect.source.SourceRecord;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The records a source task has handed to the producer, in order per source partition, and which of them the log
 * acknowledged (or the worker dropped), as Kafka Connect's {@code SubmittedRecords}.
 *
 * <h2>Design</h2>
 * A source offset may only be stored once its record <em>and every earlier record of the same source
 * partition</em> are acknowledged: storing a later record's offset while an earlier one is still in flight would
 * lose the earlier one if the worker died now. The producer acknowledges per topic partition, and records of one
 * source partition may go to several topic partitions, so acknowledgements arrive out of order. Each source
 * partition therefore keeps a queue of its submitted records; {@link #committableOffsets()} pops the acknowledged
 * prefix of every queue and returns, per source partition, the offset of the last record popped. Records without
 * a source partition are tracked for the pending count only.
 *
 * <p>Thread-safe: the task thread submits, producer callbacks acknowledge, the task thread (or the offset
 * flusher) collects.
 */
final class SubmittedRecords {

    private final Map<Map<String, Object>, Deque<Submitted>> queues = new HashMap<>();
    private int pending;

    /** One submitted record. */
    final class Submitted {
        private final Map<String, Object> partition;
        private final Map<String, Object> offset;
        private boolean acked;

        private Submitted(Map<String, Object> partition, Map<String, Object> offset) {
            this.partition = partition;
            this.offset = offset;
        }

        /** Marks the record acknowledged (or dropped); idempotent. */
        void ack() {
            synchronized (SubmittedRecords.this) {
                if (!acked) {
                    acked = true;
                    pending--;
                }
            }
        }
    }

    /**
     * @param record a record about to be sent (or dropped)
     * @return its handle, to {@link Submitted#ack()} later
     */
    @SuppressWarnings("unchecked") // source partitions and offsets are string-keyed maps by the SPI's contract
    synchronized Submitted submit(SourceRecord record) {
        Map<String, Object> partition = (Map<String, Object>) record.sourcePartition();
        Submitted s = new Submitted(partition == null ? null : new HashMap<>(partition),
                record.sourceOffset() == null ? null : new HashMap<>((Map<String, Object>) record.sourceOffset()));
        pending++;
        if (partition != null) {
            queues.computeIfAbsent(s.partition, k -> new ArrayDeque<>()).addLast(s);
        }
        return s;
    }

    /**
     * Pops the acknowledged prefix of every source partition's queue.
     *
     * @return the latest committable offset per source partition (null offsets included: they delete)
     */
    synchronized Map<Map<String, Object>, Map<String, Object>> committableOffsets() {
        Map<Map<String, Object>, Map<String, Object>> result = new HashMap<>();
        Iterator<Map.Entry<Map<String, Object>, Deque<Submitted>>> it = queues.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Map<String, Object>, Deque<Submitted>> e = it.next();
            Deque<Submitted> queue = e.getValue();
            Submitted last = null;
            while (!queue.isEmpty() && queue.peekFirst().acked) {
                last = queue.pollFirst();
            }
            if (last != null) {
                result.put(e.getKey(), last.offset);
            }
            if (queue.isEmpty()) {
                it.remove();
            }
        }
        return result;
    }

    /** @return records submitted and not yet acknowledged */
    synchronized int pending() {
        return pending;
    }
}
