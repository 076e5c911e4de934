package io.runnel.streams.processor.internals.assignment;

import io.runnel.streams.processor.TaskId;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a stream thread's consumer tells the group leader when it joins: which application instance it belongs to,
 * the tasks it ran in the previous generation, and how much state the instance has of each task.
 *
 * <pre>
 * int32   version (1)
 * int64   process id, most significant bits
 * int64   process id, least significant bits
 * int8    flags: bit 0 = shutdown of the application requested
 * int32   number of task offset sums, then for each:
 *           int32 subtopology, int32 partition,
 *           int64 offset sum: sum over the task's changelogs of (checkpointed offset + 1);
 *                 {@link #LATEST_OFFSET} for a task this thread runs now (fully caught up)
 * int32   number of previously running tasks of this thread, then for each: int32 subtopology, int32 partition
 * </pre>
 * Big-endian, as Kafka's protocol. Immutable.
 *
 * @param processId            the application instance's id (stable across restarts)
 * @param shutdownRequested    true if this instance asks every instance to shut down (SHUTDOWN_APPLICATION)
 * @param taskOffsetSums       state held per task
 * @param previousActiveTasks  the tasks this thread ran before the rebalance
 */
public record SubscriptionInfo(UUID processId, boolean shutdownRequested, Map<TaskId, Long> taskOffsetSums,
                               java.util.Set<TaskId> previousActiveTasks) {

    /** Version of the encoding. */
    public static final int VERSION = 1;
    /** Offset sum of a task that is running now (Kafka's {@code Task.LATEST_OFFSET}). */
    public static final long LATEST_OFFSET = -2L;

    /** Copies the collections. */
    public SubscriptionInfo {
        taskOffsetSums = Collections.unmodifiableMap(new TreeMap<>(taskOffsetSums));
        previousActiveTasks = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(previousActiveTasks));
    }

    /** @return the encoded form */
    public ByteBuffer encode() {
        ByteBuffer buf = ByteBuffer.allocate(4 + 16 + 1 + 4 + taskOffsetSums.size() * 16 + 4
                + previousActiveTasks.size() * 8);
        buf.putInt(VERSION);
        buf.putLong(processId.getMostSignificantBits());
        buf.putLong(processId.getLeastSignificantBits());
        buf.put((byte) (shutdownRequested ? 1 : 0));
        buf.putInt(taskOffsetSums.size());
        taskOffsetSums.forEach((task, sum) -> {
            buf.putInt(task.subtopology());
            buf.putInt(task.partition());
            buf.putLong(sum);
        });
        buf.putInt(previousActiveTasks.size());
        for (TaskId task : previousActiveTasks) {
            buf.putInt(task.subtopology());
            buf.putInt(task.partition());
        }
        buf.flip();
        return buf;
    }

    /**
     * @param data user data from a member's subscription
     * @return the decoded info
     * @throws IllegalArgumentException if the data is not a Runnel Streams subscription of a known version (a
     *                                  member of another application joined the group with the same id)
     */
    public static SubscriptionInfo decode(ByteBuffer data) {
        if (data == null) {
            throw new IllegalArgumentException("A member of the group sent no Streams subscription data: is a plain"
                    + " consumer using the application.id as its group.id?");
        }
        ByteBuffer buf = data.duplicate();
        try {
            int version = buf.getInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("Unknown Streams subscription version " + version + " (this"
                        + " instance knows " + VERSION + ")");
            }
            UUID processId = new UUID(buf.getLong(), buf.getLong());
            boolean shutdown = (buf.get() & 1) != 0;
            int n = buf.getInt();
            Map<TaskId, Long> sums = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                sums.put(new TaskId(buf.getInt(), buf.getInt()), buf.getLong());
            }
            int m = buf.getInt();
            java.util.Set<TaskId> previous = new java.util.TreeSet<>();
            for (int i = 0; i < m; i++) {
                previous.add(new TaskId(buf.getInt(), buf.getInt()));
            }
            return new SubscriptionInfo(processId, shutdown, sums, previous);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed Streams subscription data: " + e.getMessage(), e);
        }
    }
}
