package io.runnel.connect.file;

import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.AbstractConfig;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * Appends {@code String.valueOf(value)} of each record, and a newline, to the file (UTF-8), as Kafka Connect's
 * {@code FileStreamSinkTask}. Lines are buffered; {@link #flush} writes them out, so the offsets the runtime
 * commits after a flush only cover lines handed to the operating system. Without a file, lines go to the
 * process's standard output (this connector's documented purpose, for demos). A write failure is a {@link
 * ConnectException} that fails the task, never a silent loss.
 */
public class FileStreamSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(FileStreamSinkTask.class);

    private String filename;
    private Writer writer;

    /** Creates the task. */
    public FileStreamSinkTask() {
    }

    @Override
    public String version() {
        return FileStreamVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        filename = new AbstractConfig(FileStreamSinkConnector.CONFIG_DEF, props)
                .getString(FileStreamSinkConnector.FILE_CONFIG);
        if (filename == null) {
            writer = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                    StandardCharsets.UTF_8));
            return;
        }
        try {
            writer = Files.newBufferedWriter(Path.of(filename), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ConnectException("Couldn't find or create file '" + filename + "' for FileStreamSinkTask: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            for (SinkRecord record : records) {
                log.trace("Writing line to {}: {}", logFilename(), record.value());
                writer.write(String.valueOf(record.value()));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new ConnectException("Could not write to " + logFilename() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new ConnectException("Could not flush " + logFilename() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (writer == null) {
            return;
        }
        try {
            if (filename == null) {
                writer.flush();
            } else {
                writer.close();
            }
        } catch (IOException e) {
            log.warn("Could not close {}", logFilename(), e);
        }
    }

    private String logFilename() {
        return filename == null ? "stdout" : filename;
    }
}
