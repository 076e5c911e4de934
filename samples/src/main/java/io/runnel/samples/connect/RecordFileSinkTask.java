package io.runnel.samples.connect;

import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.AbstractConfig;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * The task of {@link RecordFileSinkConnector}. {@link #put} appends one line per record,
 * {@code <topic>-<partition>@<offset>\t<key>\t<value>}; {@link #flush} forces the file to disk, so the consumer
 * offsets the worker commits afterwards only cover lines that are durable (at-least-once: lines written after the
 * last commit may be written again after a crash). A write failure fails the task with a {@link ConnectException}
 * naming the file.
 *
 * <p>Called on the task thread only.
 */
public class RecordFileSinkTask extends SinkTask {

    private Path file;
    private FileChannel channel;

    /** Creates the task; the worker uses this public no-argument constructor. */
    public RecordFileSinkTask() {
    }

    @Override
    public String version() {
        return SequenceSourceConnector.VERSION;
    }

    /**
     * @throws ConnectException if the file cannot be opened for appending
     */
    @Override
    public void start(Map<String, String> props) {
        file = Path.of(new AbstractConfig(RecordFileSinkConnector.CONFIG_DEF, props)
                .getString(RecordFileSinkConnector.FILE_CONFIG));
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ConnectException("Could not open " + file.toAbsolutePath() + " for appending: " + e, e);
        }
    }

    /**
     * Formats a record as the line this sink writes (without the newline).
     *
     * @param record a record
     * @return {@code <topic>-<partition>@<offset>\t<key>\t<value>}
     */
    public static String line(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset() + "\t" + record.key()
                + "\t" + record.value();
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        StringBuilder lines = new StringBuilder();
        for (SinkRecord record : records) {
            lines.append(line(record)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new ConnectException("Could not append to " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new ConnectException("Could not flush " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    @Override
    public void stop() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new ConnectException("Could not close " + file.toAbsolutePath() + ": " + e, e);
            }
        }
    }
}
