package io.runnel.streams.processor.internals.assignment;

import io.runnel.streams.processor.TaskId;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the group leader tells each stream thread with its partitions: the tasks it runs and an error code.
 *
 * <pre>
 * int32   version (1)
 * int32   error code: 0 none, 2 shutdown requested (Kafka's AssignorError.SHUTDOWN_REQUESTED),
 *                     3 assignment error (the leader could not assign; every instance fails)
 * int32   number of active tasks, then for each: int32 subtopology, int32 partition
 * </pre>
 * Big-endian. Immutable.
 *
 * @param errorCode   0, {@link #SHUTDOWN_REQUESTED} or {@link #ASSIGNMENT_ERROR}
 * @param activeTasks the tasks assigned to the thread
 */
public record AssignmentInfo(int errorCode, Set<TaskId> activeTasks) {

    /** Version of the encoding. */
    public static final int VERSION = 1;
    /** No error. */
    public static final int NONE = 0;
    /** An instance asked every instance to shut down. */
    public static final int SHUTDOWN_REQUESTED = 2;
    /** The leader could not compute an assignment (for example input topics are not co-partitioned). */
    public static final int ASSIGNMENT_ERROR = 3;

    /** Copies the tasks. */
    public AssignmentInfo {
        activeTasks = Collections.unmodifiableSortedSet(new TreeSet<>(activeTasks));
    }

    /** @return the encoded form */
    public ByteBuffer encode() {
        ByteBuffer buf = ByteBuffer.allocate(12 + activeTasks.size() * 8);
        buf.putInt(VERSION);
        buf.putInt(errorCode);
        buf.putInt(activeTasks.size());
        for (TaskId t : activeTasks) {
            buf.putInt(t.subtopology());
            buf.putInt(t.partition());
        }
        buf.flip();
        return buf;
    }

    /**
     * @param data the assignment's user data
     * @return the decoded info
     * @throws IllegalArgumentException if malformed or of an unknown version
     */
    public static AssignmentInfo decode(ByteBuffer data) {
        if (data == null) {
            throw new IllegalArgumentException("The group leader sent no Streams assignment data");
        }
        ByteBuffer buf = data.duplicate();
        try {
            int version = buf.getInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("Unknown Streams assignment version " + version);
            }
            int error = buf.getInt();
            int n = buf.getInt();
            Set<TaskId> tasks = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                tasks.add(new TaskId(buf.getInt(), buf.getInt()));
            }
            return new AssignmentInfo(error, tasks);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed Streams assignment data: " + e.getMessage(), e);
        }
    }
}
