package io.runnel.connect.file;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.utils.Time;
import io.runnel.connect.data.Schema;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tails a text file and returns each complete line as a record, as Kafka Connect's {@code FileStreamSourceTask}.
 *
 * <h2>Design</h2>
 * The source partition is {@code {"filename": <file>}} and the offset {@code {"position": <byte position after
 * the line's newline>}}, so after a restart the task resumes right after the last line whose offset was
 * committed (lines after it are read again: at-least-once). Lines end with {@code \n} (a {@code \r} before it is
 * dropped) and are decoded as UTF-8; Kafka counts characters, Runnel counts bytes, so positions stay right with
 * multi-byte text. A last line without its newline is not emitted until the newline arrives: the task may be
 * looking at a half-written line. A missing file is waited for. A file that shrinks below the position (it was
 * truncated or replaced) is read again from the start, with a warning. Each record's value is a required STRING, with no key and the poll time as timestamp.
 *
 * <p>{@link #poll()} returns at most {@code batch.size} records; when there is nothing new it waits up to one
 * second (cut short by {@link #stop()}) and returns null. {@code poll} runs on the task thread; {@code stop} may
 * come from any thread.
 */
public class FileStreamSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(FileStreamSourceTask.class);

    /** The source partition's key. */
    public static final String FILENAME_FIELD = "filename";
    /** The offset's key. */
    public static final String POSITION_FIELD = "position";
    private static final int READ_SIZE = 64 * 1024;

    private final Time time;
    private final long idleWaitMs;
    private final CountDownLatch stopLatch = new CountDownLatch(1);

    private String filename;
    private String topic;
    private int batchSize;
    private FileChannel channel;
    private InputStream stdin;
    private long position;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean warnedMissing;
    private volatile boolean stopped;

    /** Creates the task; waits up to 1 s in an idle poll. */
    public FileStreamSourceTask() {
        this(Time.SYSTEM, 1000);
    }

    /**
     * @param time       the clock for record timestamps
     * @param idleWaitMs how long an idle poll waits for new data before returning null, in ms
     */
    FileStreamSourceTask(Time time, long idleWaitMs) {
        this.time = time;
        this.idleWaitMs = idleWaitMs;
    }

    @Override
    public String version() {
        return FileStreamVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(FileStreamSourceConnector.CONFIG_DEF, props);
        filename = config.getString(FileStreamSourceConnector.FILE_CONFIG);
        topic = config.getString(FileStreamSourceConnector.TOPIC_CONFIG);
        batchSize = config.getInt(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG);
        if (filename == null || filename.isEmpty()) {
            filename = null;
            stdin = System.in;
            return;
        }
        Map<String, Object> offset = context.offsetStorageReader().offset(Map.of(FILENAME_FIELD, filename));
        if (offset != null) {
            Object stored = offset.get(POSITION_FIELD);
            if (!(stored instanceof Long) && !(stored instanceof Integer)) {
                throw new ConnectException("Offset position of " + filename + " is the incorrect type: expected a "
                        + "long, got " + (stored == null ? "null" : stored.getClass().getName()));
            }
            position = ((Number) stored).longValue();
            log.debug("Resuming {} at byte {}", filename, position);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        try {
            if (filename == null) {
                readStdin(records);
            } else {
                readFile(records);
            }
        } catch (IOException e) {
            if (stopped) {
                return null;
            }
            throw new ConnectException("Error reading " + (filename == null ? "stdin" : filename) + ": "
                    + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            stopLatch.await(idleWaitMs, TimeUnit.MILLISECONDS);
            return null;
        }
        return records;
    }

    private void readFile(List<SourceRecord> records) throws IOException {
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (channel == null) {
                try {
                    channel = FileChannel.open(Path.of(filename), StandardOpenOption.READ);
                    warnedMissing = false;
                } catch (NoSuchFileException e) {
                    if (!warnedMissing) {
                        log.warn("Couldn't find file {} for FileStreamSourceTask, sleeping to wait for it to be "
                                + "created", filename);
                        warnedMissing = true;
                    }
                    return;
                }
            }
            long size = channel.size();
            long readPosition = position + partial.size();
            if (size < readPosition) {
                log.warn("File {} is shorter ({} bytes) than the stored position ({}); it was truncated or replaced, "
                        + "reading it again from the start", filename, size, readPosition);
                position = 0;
                partial.reset();
                readPosition = 0;
            }
            extractLines(records);
            ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
            while (records.size() < batchSize && readPosition < size) {
                buffer.clear();
                int n = channel.read(buffer, readPosition);
                if (n <= 0) {
                    break;
                }
                partial.write(buffer.array(), 0, n);
                readPosition += n;
                extractLines(records);
            }
        }
    }

    private void readStdin(List<SourceRecord> records) throws IOException {
        int available = stdin.available();
        if (available > 0) {
            byte[] bytes = new byte[Math.min(available, READ_SIZE)];
            int n = stdin.read(bytes);
            if (n > 0) {
                partial.write(bytes, 0, n);
            }
        }
        extractLines(records);
    }

    /** Moves complete lines from the partial buffer into records, advancing the position past each newline. */
    private void extractLines(List<SourceRecord> records) {
        byte[] bytes = partial.toByteArray();
        int start = 0;
        for (int i = 0; i < bytes.length && records.size() < batchSize; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            position += i + 1 - start;
            start = i + 1;
            records.add(filename == null
                    ? new SourceRecord(null, null, topic, null, null, null, Schema.STRING_SCHEMA, line,
                    time.milliseconds())
                    : new SourceRecord(Map.of(FILENAME_FIELD, filename), Map.of(POSITION_FIELD, position), topic, null,
                    null, null, Schema.STRING_SCHEMA, line, time.milliseconds()));
        }
        if (start > 0) {
            partial.reset();
            partial.write(bytes, start, bytes.length - start);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        stopLatch.countDown();
        synchronized (this) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    log.warn("Failed to close {}", filename, e);
                }
                channel = null;
            }
        }
    }
}
