package io.runnel.samples.connect;

import io.runnel.common.config.AbstractConfig;
import io.runnel.connect.data.Schema;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The task of {@link SequenceSourceConnector}. On start it reads its committed source offset
 * ({@code {"next": n}}) through the {@code OffsetStorageReader} and resumes at n; each {@link #poll()} returns up to
 * {@code batch.size} records with string key {@code "<n>"} and string value {@code "record-<n>"}; when the sequence
 * is done, a poll waits up to {@value #IDLE_WAIT_MS} ms (cut short by {@link #stop()}) and returns null.
 *
 * <p>{@code poll} runs on the task thread; {@code stop} may come from another thread.
 */
public class SequenceSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(SequenceSourceTask.class);

    /** The source partition's key. */
    public static final String PARTITION_FIELD = "sequence";
    /** The source offset's key: the next number to emit. */
    public static final String OFFSET_FIELD = "next";
    /** How long an idle poll waits, in ms. */
    public static final long IDLE_WAIT_MS = 500;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String topic;
    private long records;
    private int batchSize;
    private Map<String, String> sourcePartition;
    private long next;

    /** Creates the task; the worker uses this public no-argument constructor. */
    public SequenceSourceTask() {
    }

    @Override
    public String version() {
        return SequenceSourceConnector.VERSION;
    }

    /**
     * @throws ConnectException if the stored offset is not a number
     */
    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(SequenceSourceConnector.CONFIG_DEF, props);
        topic = config.getString(SequenceSourceConnector.TOPIC_CONFIG);
        records = config.getLong(SequenceSourceConnector.RECORDS_CONFIG);
        batchSize = config.getInt(SequenceSourceConnector.BATCH_SIZE_CONFIG);
        sourcePartition = Map.of(PARTITION_FIELD, topic);
        Map<String, Object> offset = context.offsetStorageReader().offset(sourcePartition);
        if (offset != null) {
            Object stored = offset.get(OFFSET_FIELD);
            if (!(stored instanceof Number number)) {
                throw new ConnectException("Stored offset of sequence " + topic + " is " + offset + ": expected a number"
                        + " in '" + OFFSET_FIELD + "'");
            }
            next = number.longValue();
        }
        log.info("sequence {} resumes at {} of {}", topic, next, records);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= records) {
            stopped.await(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>();
        while (next < records && batch.size() < batchSize) {
            batch.add(new SourceRecord(sourcePartition, Map.of(OFFSET_FIELD, next + 1), topic, null,
                    Schema.STRING_SCHEMA, Long.toString(next), Schema.STRING_SCHEMA, "record-" + next));
            next++;
        }
        return batch;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
