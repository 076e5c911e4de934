package io.runnel.log.internals;

import io.runnel.common.errors.RunnelStorageException;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;

/**
 * The {@code .lock} file at the root of a log directory: an exclusive OS file lock held while a
 * {@code LogManager} has the directory open, so a second process (or a second manager in the same JVM) fails
 * at once instead of corrupting the log. The holder writes {@code pid@host} into the file, so the failure
 * message can say who holds it.
 */
public final class LogDirLock implements AutoCloseable {

    /** The lock file's name (Kafka's). */
    public static final String LOCK_FILE_NAME = ".lock";

    private final File file;
    private final FileChannel channel;
    private final FileLock lock;

    private LogDirLock(File file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock.
     *
     * @param dir the log directory
     * @return the held lock
     * @throws RunnelStorageException if another process or manager holds it (naming the holder) or on I/O failure
     */
    public static LogDirLock acquire(File dir) {
        File file = new File(dir, LOCK_FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new RunnelStorageException("Log directory " + dir + " is already in use by process " + holder
                        + " (it holds " + file + "); close the other LogManager or stop that process, or use "
                        + "another log.dir");
            }
            String me = ManagementFactory.getRuntimeMXBean().getName();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new LogDirLock(file, channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new RunnelStorageException("Could not lock log directory " + dir + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        channel.read(buf, 0);
        buf.flip();
        String s = StandardCharsets.UTF_8.decode(buf).toString().trim();
        return s.isEmpty() ? "(unknown)" : s;
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new RunnelStorageException("Could not release " + file + ": " + e.getMessage(), e);
        }
    }
}
