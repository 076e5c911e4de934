package io.runnel.samples.clients;

import io.runnel.clients.producer.Callback;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RecordMetadata;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * Asynchronous sends with a {@link Callback}: {@code send(record, callback)} returns at once and the producer calls
 * {@link ProducerCallback#onCompletion} on its sender thread when the log appended the record (metadata, no
 * exception) or the send failed (the exception, for example {@code RecordTooLargeException}). Batching keeps
 * working, unlike {@link ProducerSyncSend}; callbacks of one partition run in send order.
 *
 * <p>Kafka concepts: {@code Callback}, asynchronous delivery results, {@code close()} delivering what is buffered.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ProducerAsyncCallback [log-dir]
 * }</pre>
 */
public final class ProducerAsyncCallback {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ProducerAsyncCallback.class);

    /** Records sent by {@link #main}. */
    public static final int RECORDS = 10;

    private ProducerAsyncCallback() {
    }

    /**
     * Logs each result (metadata as {@code topic-partition@offset}, or the error) and keeps it, so a caller can see
     * what happened. Thread-safe: the producer calls it on its sender thread.
     */
    public static final class ProducerCallback implements Callback {

        /** One completed send: metadata (offset -1 on failure) and the exception, null on success. */
        public record Result(RecordMetadata metadata, Exception exception) {
        }

        private final List<Result> results = new CopyOnWriteArrayList<>();

        /** Creates a callback with no results yet. */
        public ProducerCallback() {
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                log.info("{}", metadata);
            } else {
                log.error("send to {} failed: {}", metadata.topic(), exception.toString());
            }
            results.add(new Result(metadata, exception));
        }

        /** @return the results so far, in completion order; a snapshot */
        public List<Result> results() {
            return List.copyOf(results);
        }
    }

    /**
     * Sends one record {@code ("Pangyo", value)} per value with the callback and closes the producer; every
     * callback has run when this returns.
     *
     * @param config   a producer configuration with string serializers ({@link SimpleProducer#config(String)})
     * @param values   the values to send, one record each, key "Pangyo"
     * @param callback told of each result
     */
    public static void run(Properties config, List<String> values, Callback callback) {
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(SimpleProducer.TOPIC_NAME, ProducerWithKeys.KEY_PANGYO, value),
                        callback);
            }
        }
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            List<String> values = IntStream.range(0, RECORDS).mapToObj(Integer::toString).toList();
            run(SimpleProducer.config(embedded.bootstrapServers()), values, new ProducerCallback());
        }
    }
}
