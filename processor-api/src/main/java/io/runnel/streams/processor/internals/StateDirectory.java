package io.runnel.streams.processor.internals;

import io.runnel.common.TopicPartition;
import io.runnel.common.utils.Time;
import io.runnel.streams.errors.LockException;
import io.runnel.streams.errors.ProcessorStateException;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.state.internals.OffsetCheckpoint;
import io.runnel.streams.state.internals.TaskStateManager;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/*
 * Design: one application instance per state directory, one thread per task directory.
 *
 * <state.dir>/<application.id>/ belongs to one application instance at a time: the instance holds an OS file lock on
 * its ".lock" file from start to close. A second instance (another process, or another RunnelStreams object in the
 * same JVM) fails at start with a LockException naming the directory: two instances sharing task directories would
 * corrupt each other's RocksDB files and checkpoints. Inside the instance, a task directory <task> is owned by the
 * one stream thread running the task (an in-memory lock), so a task moving between two threads of one instance
 * waits until the old owner has closed it.
 *
 * The directory also keeps the instance's process id (a UUID in "runnel-process-metadata"), created on first start
 * and kept across restarts: the Streams assignor recognises the instance after a restart and gives it back the
 * stateful tasks whose state it has.
 */
/**
 * The state directory of an application instance: {@code <state.dir>/<application.id>/}, with one sub-directory
 * per stateful task ({@code 0_1}) and {@code global/} for global stores. Thread-safe.
 */
public final class StateDirectory implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StateDirectory.class);

    /** The instance lock file in the application directory. */
    static final String LOCK_FILE_NAME = ".lock";
    /** The file holding the instance's process id. */
    static final String PROCESS_FILE_NAME = "runnel-process-metadata";
    /** The directory of global stores. */
    static final String GLOBAL_DIR_NAME = "global";

    private final File appDir;
    private final Time time;
    private final Map<TaskId, Thread> taskOwners = new HashMap<>();
    private FileChannel lockChannel;
    private FileLock lock;
    private UUID processId;

    /**
     * @param stateDir      {@code state.dir}
     * @param applicationId {@code application.id}
     * @param time          the clock (ages of task directories)
     */
    public StateDirectory(File stateDir, String applicationId, Time time) {
        this.appDir = new File(stateDir, applicationId);
        this.time = time;
    }

    /** @return {@code <state.dir>/<application.id>} */
    public File applicationDir() {
        return appDir;
    }

    /**
     * Creates the directory if needed and locks it for this instance; reads or creates the process id.
     *
     * @throws LockException          if another instance holds the directory
     * @throws ProcessorStateException if the directory cannot be created or read
     */
    public synchronized void lockApplicationDir() {
        if (lock != null) {
            return;
        }
        try {
            Files.createDirectories(appDir.toPath());
            lockChannel = FileChannel.open(appDir.toPath().resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                throw new LockException("State directory " + appDir + " is in use by another instance of the"
                        + " application (in this or another process). Give every instance its own state.dir.");
            }
            processId = readOrCreateProcessId();
        } catch (IOException e) {
            throw new ProcessorStateException("Cannot create or lock state directory " + appDir + ": " + e, e);
        }
    }

    private UUID readOrCreateProcessId() throws IOException {
        Path file = appDir.toPath().resolve(PROCESS_FILE_NAME);
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable process id '{}' in {}; creating a new one", text, file);
            }
        }
        UUID id = UUID.randomUUID();
        Path tmp = appDir.toPath().resolve(PROCESS_FILE_NAME + ".tmp");
        Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    /**
     * @return the instance's process id: stable across restarts once the directory is locked (stateful
     *         applications); a random one for the life of this object otherwise (stateless applications have no
     *         state to come back to)
     */
    public synchronized UUID processId() {
        if (processId == null) {
            processId = UUID.randomUUID();
        }
        return processId;
    }

    /**
     * @param taskId a task
     * @return {@code <app dir>/<task>}, created if needed
     * @throws ProcessorStateException if it cannot be created
     */
    public File taskDir(TaskId taskId) {
        File dir = new File(appDir, taskId.toString());
        try {
            Files.createDirectories(dir.toPath());
        } catch (IOException e) {
            throw new ProcessorStateException("Cannot create task directory " + dir + ": " + e, e);
        }
        return dir;
    }

    /** @return {@code <app dir>/global}, created if needed */
    public File globalStateDir() {
        File dir = new File(appDir, GLOBAL_DIR_NAME);
        try {
            Files.createDirectories(dir.toPath());
        } catch (IOException e) {
            throw new ProcessorStateException("Cannot create global state directory " + dir + ": " + e, e);
        }
        return dir;
    }

    /**
     * @param taskId a task
     * @return true if the calling thread now owns the task's directory (or already did)
     */
    public synchronized boolean lock(TaskId taskId) {
        Thread owner = taskOwners.get(taskId);
        if (owner == null || owner == Thread.currentThread() || !owner.isAlive()) {
            taskOwners.put(taskId, Thread.currentThread());
            return true;
        }
        return false;
    }

    /** @param taskId a task whose directory the calling thread releases (no-op if it does not own it) */
    public synchronized void unlock(TaskId taskId) {
        if (taskOwners.get(taskId) == Thread.currentThread()) {
            taskOwners.remove(taskId);
        }
    }

    /**
     * The state this instance has of each task: the sum of the offsets in the task directory's checkpoint (what
     * the Streams assignor compares with the changelog end offsets to find where state is).
     *
     * @return offset sum per task directory that has a checkpoint
     */
    public Map<TaskId, Long> taskOffsetSums() {
        Map<TaskId, Long> sums = new HashMap<>();
        File[] dirs = appDir.listFiles(File::isDirectory);
        if (dirs == null) {
            return sums;
        }
        for (File dir : dirs) {
            TaskId id;
            try {
                id = TaskId.parse(dir.getName());
            } catch (IllegalArgumentException e) {
                continue;
            }
            File checkpoint = new File(dir, TaskStateManager.CHECKPOINT_FILE_NAME);
            if (!checkpoint.exists()) {
                continue;
            }
            try {
                Map<TopicPartition, Long> offsets = new OffsetCheckpoint(checkpoint).read();
                long sum = 0;
                for (long offset : offsets.values()) {
                    sum += offset + 1;
                }
                sums.put(id, sum);
            } catch (RuntimeException e) {
                LOG.warn("Ignoring unreadable checkpoint {}: {}", checkpoint, e.getMessage());
            }
        }
        return sums;
    }

    /**
     * Deletes directories of tasks this instance does not own that were not modified for {@code cleanupDelayMs}.
     *
     * @param cleanupDelayMs {@code state.cleanup.delay.ms}
     * @param owned          the tasks of this instance (their directories are kept)
     */
    public synchronized void cleanRemovedTasks(long cleanupDelayMs, Set<TaskId> owned) {
        File[] dirs = appDir.listFiles(File::isDirectory);
        if (dirs == null) {
            return;
        }
        long now = time.milliseconds();
        for (File dir : dirs) {
            TaskId id;
            try {
                id = TaskId.parse(dir.getName());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (owned.contains(id) || taskOwners.containsKey(id)) {
                continue;
            }
            if (now - dir.lastModified() > cleanupDelayMs) {
                LOG.info("Deleting obsolete state directory {} of task {}: not owned for {} ms", dir, id,
                        now - dir.lastModified());
                deleteRecursively(dir.toPath());
            }
        }
    }

    /**
     * Deletes every task and global directory ({@code RunnelStreams.cleanUp()}).
     *
     * @throws IllegalStateException if a stream thread owns a task directory
     */
    public synchronized void clean() {
        if (!taskOwners.isEmpty()) {
            throw new IllegalStateException("Cannot clean up " + appDir + " while tasks are running: "
                    + taskOwners.keySet());
        }
        File[] children = appDir.listFiles();
        if (children == null) {
            return;
        }
        for (File child : children) {
            if (!child.getName().equals(LOCK_FILE_NAME) && !child.getName().equals(PROCESS_FILE_NAME)) {
                deleteRecursively(child.toPath());
            }
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new ProcessorStateException("Cannot delete " + p + ": " + e, e);
                }
            });
        } catch (IOException e) {
            throw new ProcessorStateException("Cannot delete " + path + ": " + e, e);
        }
    }

    /** Releases the instance lock. Idempotent. */
    @Override
    public synchronized void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("Failed to release the lock of {}", appDir, e);
        } finally {
            lock = null;
            lockChannel = null;
        }
    }
}
