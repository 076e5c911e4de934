package io.runnel.connect.runtime.errors;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The worker's {@link DeadLetterQueueProducer}: writes dead-letter records with a producer of its own (one per
 * task, as Kafka Connect does), after making sure the topic exists.
 *
 * <p>The topic is created on the first use if it is missing, with one partition and {@code
 * errors.deadletterqueue.topic.replication.factor} replicas; since a Runnel log may have fewer nodes than Kafka's
 * default of 3, the factor is capped at the number of nodes (with a log line saying so), and -1 asks for the
 * log's default. Thread-safe: a sink task's reports come from its thread, a source task's send failures from the
 * producer's callback thread.
 */
public final class WorkerDeadLetterQueueProducer implements DeadLetterQueueProducer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerDeadLetterQueueProducer.class);

    private final String topic;
    private final short replicationFactor;
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private volatile boolean topicReady;

    /**
     * @param topic             the dead-letter queue topic
     * @param replicationFactor the factor to create it with (-1: the log's default)
     * @param producer          the producer to write with; owned (closed) by this object
     * @param admin             the admin client to create the topic with; owned (closed) by this object
     */
    public WorkerDeadLetterQueueProducer(String topic, short replicationFactor, Producer<byte[], byte[]> producer,
                                         Admin admin) {
        this.topic = topic;
        this.replicationFactor = replicationFactor;
        this.producer = producer;
        this.admin = admin;
    }

    @Override
    public Future<Void> send(DeadLetterQueueRecord record) {
        ensureTopic();
        CompletableFuture<Void> result = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(record.topic(), null, record.timestamp(), record.key(), record.value(),
                record.headers()), (metadata, error) -> {
                    if (error == null) {
                        result.complete(null);
                    } else {
                        log.error("Could not write a record to the dead-letter queue topic {}", topic, error);
                        result.completeExceptionally(error);
                    }
                });
        return result;
    }

    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        synchronized (this) {
            if (topicReady) {
                return;
            }
            try {
                if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                    short factor = replicationFactor;
                    int nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
                    if (factor > nodes) {
                        log.info("Creating dead-letter queue topic {} with replication factor {} instead of the "
                                + "configured {}: the log has {} node(s)", topic, nodes, factor, nodes);
                        factor = (short) nodes;
                    }
                    Optional<Short> rf = factor < 0 ? Optional.empty() : Optional.of(factor);
                    try {
                        admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), rf))).all()
                                .get(30, TimeUnit.SECONDS);
                        log.info("Created dead-letter queue topic {}", topic);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                topicReady = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while creating the dead-letter queue topic " + topic, e);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                throw new ConnectException("Could not create the dead-letter queue topic " + topic + ": " + cause,
                        cause);
            }
        }
    }

    /** Waits until every record sent so far is acknowledged (or failed). */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(30));
        } finally {
            admin.close();
        }
    }
}
