package io.runnel.samples.clients;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.errors.InterruptException;
import io.runnel.common.errors.WakeupException;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The usual shape of a Kafka consumer: an endless poll loop, stopped from another thread with
 * {@link Consumer#wakeup()}. {@code wakeup()} is the only consumer method other threads may call; it makes the
 * blocked {@code poll} (or the next one) throw {@link WakeupException}, which the loop catches to close the
 * consumer on its own thread: auto-commit commits the positions and the member leaves the group at once, so its
 * partitions move without waiting for {@code session.timeout.ms}.
 *
 * <p>{@link #main} registers {@link #shutdown()} as a JVM shutdown hook, so Ctrl-C (SIGINT/SIGTERM) stops the loop
 * cleanly; the hook waits until the consumer is closed, because the JVM exits when the hooks return.
 *
 * <p>Kafka concepts: {@code wakeup()}, {@code WakeupException}, shutdown hook, clean group leave.
 *
 * <p>Thread-safety: {@link #run()} on one thread; {@link #shutdown()} from any thread, any number of times.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}), then press
 * Ctrl-C; records already in the log directory are printed first:
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ConsumerWithWakeup [log-dir]
 * }</pre>
 */
public final class ConsumerWithWakeup {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ConsumerWithWakeup.class);

    /** The group of this sample. */
    public static final String GROUP_ID = "wakeup-group";
    /** How long {@link #shutdown()} waits for the loop to close the consumer. */
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<String, String> consumer;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong consumed = new AtomicLong();

    /**
     * @param config a consumer configuration ({@link #config(String)})
     */
    public ConsumerWithWakeup(Properties config) {
        this.consumer = new RunnelConsumer<>(config);
    }

    /**
     * @param bootstrapServers the log
     * @return {@link SimpleConsumer#config(String)} with group {@value #GROUP_ID} (auto-commit on)
     */
    public static Properties config(String bootstrapServers) {
        Properties props = SimpleConsumer.config(bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        return props;
    }

    /**
     * Subscribes to {@value SimpleProducer#TOPIC_NAME} and prints records until {@link #shutdown()} is called, then
     * closes the consumer (committing its positions) and returns.
     */
    public void run() {
        try {
            consumer.subscribe(List.of(SimpleProducer.TOPIC_NAME));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(SimpleConsumer.POLL_TIMEOUT)) {
                    System.out.println("record: " + record);
                    consumed.incrementAndGet();
                }
            }
        } catch (WakeupException e) {
            log.info("woken up: closing the consumer");
        } finally {
            try {
                consumer.close();
            } finally {
                closed.countDown();
            }
        }
    }

    /**
     * Stops {@link #run()} from another thread (a shutdown hook): wakes the consumer up, then waits up to
     * {@link #SHUTDOWN_TIMEOUT} until the loop has closed it.
     *
     * @return true if the consumer was closed in time
     * @throws InterruptException if interrupted while waiting
     */
    public boolean shutdown() {
        consumer.wakeup();
        try {
            return closed.await(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /** @return records printed so far; may be read from any thread */
    public long consumed() {
        return consumed.get();
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            ConsumerWithWakeup sample = new ConsumerWithWakeup(config(embedded.bootstrapServers()));
            Thread mainThread = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sample.shutdown();
                try {
                    mainThread.join(SHUTDOWN_TIMEOUT.toMillis()); // let main close the log before the JVM exits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "consumer-shutdown-hook"));
            System.out.println("consuming " + SimpleProducer.TOPIC_NAME + "; press Ctrl-C to stop");
            sample.run();
        }
    }
}
