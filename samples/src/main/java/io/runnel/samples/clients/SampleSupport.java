package io.runnel.samples.clients;

import io.runnel.clients.CommonClientConfigs;
import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.admin.TopicDescription;
import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.InterruptException;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.serialization.StringDeserializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * What every sample needs besides the API it shows: the log directory from the command line, a topic with a given
 * number of partitions, "has this consumer read everything?", and reading a whole topic back. Public so that the
 * Streams and Connect samples use it too; not part of Runnel's API.
 *
 * <p>Thread-safe (no state).
 */
public final class SampleSupport {

    /** The log directory a sample uses when none is given on its command line, relative to the working directory. */
    public static final String DEFAULT_LOG_DIRECTORY = "target/samples-log";

    private static final Comparator<ConsumerRecord<String, String>> BY_PARTITION_AND_OFFSET =
            Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
                    .thenComparingLong(ConsumerRecord::offset);

    private SampleSupport() {
    }

    /**
     * @param args a sample's command line: {@code [log-directory]}
     * @return the first argument as a path, or {@value #DEFAULT_LOG_DIRECTORY}
     * @throws IllegalArgumentException if more than one argument is given
     */
    public static Path logDirectory(String[] args) {
        if (args.length > 1) {
            throw new IllegalArgumentException("Expected at most one argument, the log directory (default "
                    + DEFAULT_LOG_DIRECTORY + "), but got " + args.length + ": " + String.join(" ", args));
        }
        return Path.of(args.length == 1 ? args[0] : DEFAULT_LOG_DIRECTORY);
    }

    /**
     * Chooses a readable logging set-up for a sample's {@code main} when the user gave none: Runnel's command-line
     * Logback configuration (standard error) at INFO, so the sample's own log lines show. Must run before the
     * first logger is created, hence from a static initializer placed above the sample's logger field. A
     * {@code -Dlogback.configurationFile=...} or {@code -Drunnel.log.level=...} given by the user wins; so does a
     * {@code logback.xml} on the class path.
     */
    public static void configureLogging() {
        if (System.getProperty("logback.configurationFile") == null
                && SampleSupport.class.getResource("/logback.xml") == null) {
            System.setProperty("logback.configurationFile", "io/runnel/cli/logback-cli.xml");
        }
        if (System.getProperty("runnel.log.level") == null) {
            System.setProperty("runnel.log.level", "INFO");
        }
    }

    /**
     * Creates a topic unless it exists (Kafka's {@code kafka-topics --create --if-not-exists}).
     *
     * @param bootstrapServers the log ({@code file:///dir})
     * @param topic            the topic name
     * @param partitions       its number of partitions, at least 1
     * @throws IllegalStateException if the topic exists with another number of partitions (the samples rely on
     *                               it: delete the log directory, or use another one)
     * @throws InterruptException            if interrupted
     */
    public static void createTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause(), e);
                }
                TopicDescription existing = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                if (existing.partitions().size() != partitions) {
                    throw new IllegalStateException("Topic " + topic + " exists with " + existing.partitions().size()
                            + " partitions but this sample needs " + partitions
                            + ": delete the log directory or give another one on the command line");
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not describe topic " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * Whether a consumer has read everything its partitions held when asked: it has partitions and its position
     * on each is at least the partition's end offset. A subscribed consumer has no partitions before its first
     * poll completed the group join, so this is false then.
     *
     * @param consumer the consumer, used on the caller's thread (it is not thread-safe)
     * @return true once caught up
     */
    public static boolean caughtUp(Consumer<?, ?> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment);
        for (TopicPartition tp : assignment) {
            if (consumer.position(tp) < ends.get(tp)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until a condition holds, checking it every 100 ms: how a sample's {@code main} waits for progress it
     * can only observe by asking (offsets, lags). Tests use Awaitility instead.
     *
     * @param condition the condition; checked on the caller's thread
     * @param timeout   the longest wait
     * @param what      what is awaited, for the exception's message
     * @throws IllegalStateException if the condition does not hold within the timeout
     * @throws InterruptException    if interrupted while waiting
     */
    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
    }

    /**
     * @param bootstrapServers the log
     * @param topic            an existing topic
     * @return the end offset of each partition of the topic (the offset the next record will get)
     */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (Consumer<String, String> consumer = newReader(bootstrapServers)) {
            return consumer.endOffsets(partitionsOf(consumer, topic));
        }
    }

    /**
     * Reads a topic from given offsets until at least {@code count} records arrived: for a sample waiting for the
     * output of a Streams application or a connector.
     *
     * @param bootstrapServers the log
     * @param topic            an existing topic
     * @param from             where to start per partition ({@link #endOffsets} before the run); partitions not
     *                         named start at the beginning
     * @param count            how many records to wait for
     * @param timeout          the longest time to wait
     * @return the records read (at least {@code count}), ordered by partition then offset
     * @throws IllegalStateException if fewer records arrived within the timeout
     */
    public static List<ConsumerRecord<String, String>> readAtLeast(String bootstrapServers, String topic,
                                                                   Map<TopicPartition, Long> from, int count,
                                                                   Duration timeout) {
        try (Consumer<String, String> consumer = newReader(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, from.getOrDefault(tp, 0L));
            }
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Expected " + count + " records in topic " + topic + " within "
                            + timeout + " but got " + records.size());
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            records.sort(BY_PARTITION_AND_OFFSET);
            return records;
        }
    }

    private static Consumer<String, String> newReader(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new RunnelConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    /**
     * Reads every record a topic holds now, outside any group (assign + seek to beginning), with string keys and
     * values, ordered by partition then offset.
     *
     * @param bootstrapServers the log
     * @param topic            an existing topic
     * @param timeout          the longest time to spend
     * @return the records
     * @throws IllegalStateException if the records could not be read within the timeout
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic,
                                                               Duration timeout) {
        try (Consumer<String, String> consumer = newReader(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Could not read topic " + topic + " up to its end offsets " + ends
                            + " within " + timeout + "; read " + records.size() + " records");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            records.sort(BY_PARTITION_AND_OFFSET);
            return records;
        }
    }
}
