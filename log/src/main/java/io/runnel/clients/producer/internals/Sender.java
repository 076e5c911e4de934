package io.runnel.clients.producer.internals;

import io.runnel.clients.RunnelClient;
import io.runnel.clients.internals.ClientWaits;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.NetworkException;
import io.runnel.common.errors.RetriableException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.InitProducerIdRequest;
import io.runnel.common.requests.InitProducerIdResponse;
import io.runnel.common.requests.ProduceRequest;
import io.runnel.common.requests.ProduceResponse;
import io.runnel.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Design notes for maintainers.
 *
 * The sender thread's loop: make sure an idempotent producer has a producer id; fail batches that waited
 * delivery.timeout.ms; ask the accumulator which partitions are ready; drain them (closing each batch with the
 * producer id, epoch and next sequence) into one ProduceRequest; send it; sleep until the next batch can be
 * ready, a new batch wakes it, or a response arrives. Responses are handled where the future completes (on this
 * thread for the in-process transport): success completes the batch (callbacks in record order), a retriable
 * error puts the batch back at the front of its partition after a backoff (same bytes, same sequence, so the log
 * deduplicates it if the first attempt was in fact written), anything else fails it.
 *
 * Sequences after a failure: a batch the log definitely refused returns its sequences (no later batch of the
 * partition took any, because one batch per partition is in flight); a batch whose fate is unknown (retries or
 * delivery.timeout.ms exhausted on a retriable error) or a sequence error from the log makes the producer take a
 * new producer id before the next drain, so nothing later can collide with it.
 */
/**
 * The producer's I/O thread (Kafka's {@code Sender}): drains ready batches from the {@link RecordAccumulator}
 * into produce requests and completes them from the responses. Runs on its own thread; {@link #wakeup()},
 * {@link #initiateClose()} and {@link #forceClose()} may be called from any thread.
 */
public final class Sender implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final RunnelClient client;
    private final RecordAccumulator accumulator;
    private final IdempotenceManager idempotence;
    private final ProducerMetadata metadata;
    private final short acks;
    private final int retries;
    private final int maxRequestSize;
    private final int requestTimeoutMs;
    private final long retryBackoffMs;
    private final int maxInFlight;
    private final long deliveryTimeoutMs;
    private final Time time;
    private final String clientId;
    private final Object wakeupLock = new Object();
    private final Object drainLock = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();
    private boolean wakeupRequested;
    private volatile boolean running = true;
    private volatile boolean forceClose;

    /**
     * @param client           the transport
     * @param accumulator      the batches
     * @param idempotence      the idempotent producer state, or null when idempotence is off
     * @param metadata         the metadata (refreshed on partition errors)
     * @param acks             0, 1 or -1
     * @param retries          {@code retries}
     * @param maxRequestSize   {@code max.request.size}
     * @param requestTimeoutMs {@code request.timeout.ms}
     * @param retryBackoffMs   {@code retry.backoff.ms}
     * @param maxInFlight      {@code max.in.flight.requests.per.connection}
     * @param deliveryTimeoutMs {@code delivery.timeout.ms}: no retry after it
     * @param time             the clock
     * @param clientId         for logs
     */
    public Sender(RunnelClient client, RecordAccumulator accumulator, IdempotenceManager idempotence,
                  ProducerMetadata metadata, short acks, int retries, int maxRequestSize, int requestTimeoutMs,
                  long retryBackoffMs, int maxInFlight, long deliveryTimeoutMs, Time time, String clientId) {
        this.client = client;
        this.accumulator = accumulator;
        this.idempotence = idempotence;
        this.metadata = metadata;
        this.acks = acks;
        this.retries = retries;
        this.maxRequestSize = maxRequestSize;
        this.requestTimeoutMs = requestTimeoutMs;
        this.retryBackoffMs = retryBackoffMs;
        this.maxInFlight = maxInFlight;
        this.deliveryTimeoutMs = deliveryTimeoutMs;
        this.time = time;
        this.clientId = clientId;
    }

    @Override
    public void run() {
        log.debug("Producer {} sender started", clientId);
        while (running) {
            runOnceSafely();
        }
        while (!forceClose && (accumulator.hasUndrained() || inFlight.get() > 0)) {
            runOnceSafely();
        }
        if (forceClose || accumulator.hasIncomplete()) {
            accumulator.abortIncompleteBatches(new RunnelException("Producer is closed forcefully."));
        }
        log.debug("Producer {} sender stopped", clientId);
    }

    private void runOnceSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("Producer {} sender loop failed; continuing", clientId, e);
            ClientWaits.sleep(time, retryBackoffMs);
        }
    }

    void runOnce() {
        if (idempotence != null && !idempotence.hasProducerId() && !initProducerId()) {
            waitFor(retryBackoffMs);
            return;
        }
        long now = time.milliseconds();
        for (ProducerBatch b : accumulator.expiredBatches(now)) {
            failBatch(b, new TimeoutException("Expiring " + b.recordCount() + " record(s) for " + b.topicPartition + ": "
                    + (now - b.createdMs) + " ms has passed since batch creation (delivery.timeout.ms)"), true);
        }
        long pollMs;
        Map<TopicPartition, ProducerBatch> batches = Map.of();
        synchronized (drainLock) {
            if (forceClose) {
                return;
            }
            RecordAccumulator.ReadyCheckResult ready = accumulator.ready(now);
            if (!ready.readyPartitions().isEmpty() && inFlight.get() < maxInFlight) {
                batches = accumulator.drain(ready.readyPartitions(), maxRequestSize, this::closeBatch);
                pollMs = 0;
            } else {
                pollMs = Math.min(ready.nextReadyCheckDelayMs(), accumulator.nextExpiryDelayMs(now));
            }
        }
        if (!batches.isEmpty()) {
            send(batches);
        }
        metadata.maybeRefresh();
        if (pollMs > 0) {
            waitFor(Math.min(pollMs, 1000L));
        }
    }

    private void closeBatch(ProducerBatch b) {
        if (b.isClosed()) {
            return;
        }
        if (idempotence != null) {
            b.close(idempotence.producerId(), idempotence.epoch(), idempotence.takeSequence(b.topicPartition,
                    b.recordCount()));
        } else {
            b.close(-1L, (short) -1, -1);
        }
    }

    private boolean initProducerId() {
        try {
            InitProducerIdResponse r = ClientWaits.await(client.send(new InitProducerIdRequest(null, 60_000, -1L,
                    (short) -1)), time, time.milliseconds() + requestTimeoutMs, "InitProducerId");
            if (r.error() != Errors.NONE) {
                log.warn("Producer {} could not get a producer id: {}", clientId, r.error());
                return false;
            }
            idempotence.setProducerIdAndEpoch(r.producerId(), r.producerEpoch());
            log.debug("Producer {} uses producer id {} epoch {}", clientId, r.producerId(), r.producerEpoch());
            return true;
        } catch (RuntimeException e) {
            log.warn("Producer {} could not get a producer id: {}", clientId, e.toString());
            return false;
        }
    }

    private void send(Map<TopicPartition, ProducerBatch> batches) {
        Map<TopicPartition, MemoryRecords> records = new LinkedHashMap<>();
        batches.forEach((tp, b) -> records.put(tp, b.records()));
        ProduceRequest request = new ProduceRequest(acks, requestTimeoutMs, null, records);
        long sentMs = time.milliseconds();
        CompletableFuture<ProduceResponse> f;
        inFlight.incrementAndGet();
        try {
            f = client.send(request);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (acks == 0) {
            inFlight.decrementAndGet();
            batches.values().forEach(b -> completeBatch(b, -1L, -1L));
            return;
        }
        f.whenComplete((response, error) -> {
            try {
                handleResponse(batches, response, error, sentMs);
            } finally {
                inFlight.decrementAndGet();
                wakeup();
            }
        });
    }

    private void handleResponse(Map<TopicPartition, ProducerBatch> batches, ProduceResponse response, Throwable error,
                                long sentMs) {
        long now = time.milliseconds();
        for (Map.Entry<TopicPartition, ProducerBatch> e : batches.entrySet()) {
            ProducerBatch b = e.getValue();
            if (error != null) {
                RunnelException ex = error instanceof RunnelException re ? re
                        : new NetworkException("The request to " + client.destination() + " failed: " + error, error);
                retryOrFail(b, ex, now);
                continue;
            }
            ProduceResponse.PartitionResponse pr = response.responses().get(e.getKey());
            if (pr == null) {
                retryOrFail(b, new NetworkException("No response for " + e.getKey()), now);
            } else if (pr.error() == Errors.NONE) {
                completeBatch(b, pr.baseOffset(), pr.logAppendTime());
            } else {
                RunnelException ex = pr.error().exception(pr.errorMessage() == null ? pr.error().message()
                        : pr.errorMessage());
                if (pr.error() == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
                    metadata.maybeRefresh();
                }
                if (pr.error() == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER || pr.error() == Errors.UNKNOWN_PRODUCER_ID
                        || pr.error() == Errors.INVALID_PRODUCER_EPOCH) {
                    failBatch(b, ex, false);
                    resetProducerId("the log answered " + pr.error());
                } else {
                    retryOrFail(b, ex, now);
                }
            }
        }
    }

    private void retryOrFail(ProducerBatch b, RunnelException ex, long now) {
        boolean retriable = ex instanceof RetriableException;
        if (retriable && b.attempts < retries && now - b.createdMs < deliveryTimeoutMs) {
            log.debug("Producer {} retries {} after {}", clientId, b, ex.toString());
            accumulator.reenqueue(b, now);
            return;
        }
        if (retriable && now - b.createdMs >= deliveryTimeoutMs) {
            ex = new TimeoutException("Expiring " + b.recordCount() + " record(s) for " + b.topicPartition + ": "
                    + (now - b.createdMs) + " ms has passed since batch creation (delivery.timeout.ms); last error: "
                    + ex.getMessage(), ex);
        }
        failBatch(b, ex, retriable);
    }

    private void completeBatch(ProducerBatch b, long baseOffset, long logAppendTime) {
        b.complete(baseOffset, logAppendTime, null);
        accumulator.deallocate(b);
    }

    /**
     * @param outcomeUnknown whether the log may have written the batch (an exhausted retriable error)
     */
    private void failBatch(ProducerBatch b, RunnelException ex, boolean outcomeUnknown) {
        if (idempotence != null && b.hasSequence()) {
            if (outcomeUnknown) {
                resetProducerId("the outcome of " + b + " is unknown");
            } else {
                idempotence.rollback(b.topicPartition, b.producerId, b.baseSequence, b.recordCount());
            }
        }
        b.complete(-1L, -1L, ex);
        accumulator.deallocate(b);
    }

    private void resetProducerId(String reason) {
        if (idempotence != null && idempotence.hasProducerId()) {
            log.info("Producer {} takes a new producer id: {}", clientId, reason);
            idempotence.reset();
        }
    }

    private void waitFor(long ms) {
        synchronized (wakeupLock) {
            if (wakeupRequested) {
                wakeupRequested = false;
                return;
            }
        }
        try {
            time.waitObject(wakeupLock, () -> wakeupRequested || forceClose, time.milliseconds() + ms);
        } catch (TimeoutException e) {
            // time to look again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (wakeupLock) {
            wakeupRequested = false;
        }
    }

    /** Wakes the sender (a batch became ready, or the producer closes or flushes). */
    public void wakeup() {
        synchronized (wakeupLock) {
            wakeupRequested = true;
            wakeupLock.notifyAll();
        }
    }

    /** Stops accepting work after sending everything already buffered. */
    public void initiateClose() {
        accumulator.close();
        running = false;
        wakeup();
    }

    /** Stops at once; incomplete batches fail with "Producer is closed forcefully.". */
    public void forceClose() {
        synchronized (drainLock) {
            forceClose = true;
        }
        initiateClose();
    }

    /** @return whether the sender still runs its main loop */
    public boolean isRunning() {
        return running;
    }

    /** @return the batches currently being sent (for tests) */
    int inFlightRequests() {
        return inFlight.get();
    }

}
