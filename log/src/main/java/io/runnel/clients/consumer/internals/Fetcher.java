package io.runnel.clients.consumer.internals;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.OffsetOutOfRangeException;
import io.runnel.common.IsolationLevel;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.errors.RecordDeserializationException;
import io.runnel.common.header.Headers;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.Record;
import io.runnel.common.record.RecordBatch;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.FetchRequest;
import io.runnel.common.requests.FetchResponse;
import io.runnel.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/*
 * Design notes for maintainers.
 *
 * At most one fetch is in flight. It asks for every fetchable partition that has no buffered data, at its
 * position, and the log answers at once when fetch.min.bytes are there, else after fetch.max.wait.ms (or when
 * data arrives): poll() waits on the response future for at most its own timeout, so a short poll returns early
 * and picks the same response up next time - no busy loop, no thread parked in the log.
 *
 * A response becomes one CompletedFetch per partition, decoded lazily: records are deserialized only when poll
 * returns them (up to max.poll.records across partitions), and the partition's position advances as they are
 * returned. Buffered data is used only while the partition is still assigned, fetchable and at the same
 * position; a seek or a rebalance makes it stale and it is dropped. A record that fails to deserialize stops its
 * partition: records before it are returned, and the next poll throws RecordDeserializationException until the
 * application seeks past it.
 */
/**
 * Fetches records for the consumer (Kafka's {@code Fetcher} / {@code FetchCollector}). Used by the polling thread
 * only.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Fetcher<K, V> {

    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

    private final ConsumerNetworkClient net;
    private final SubscriptionState subscriptions;
    private final ConsumerMetadata metadata;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final int minBytes;
    private final int maxBytes;
    private final int maxWaitMs;
    private final int maxPartitionBytes;
    private final int maxPollRecords;
    private final boolean checkCrcs;
    private final IsolationLevel isolationLevel;
    private final ArrayDeque<CompletedFetch> completed = new ArrayDeque<>();
    private CompletableFuture<FetchResponse> inFlight;
    private Map<TopicPartition, Long> inFlightOffsets = Map.of();
    private CompletedFetch nextInLine;

    /**
     * @param net               the transport
     * @param subscriptions     positions and assignment
     * @param metadata          metadata (refreshed on unknown partitions)
     * @param keyDeserializer   the key deserializer
     * @param valueDeserializer the value deserializer
     * @param minBytes          {@code fetch.min.bytes}
     * @param maxBytes          {@code fetch.max.bytes}
     * @param maxWaitMs         {@code fetch.max.wait.ms}
     * @param maxPartitionBytes {@code max.partition.fetch.bytes}
     * @param maxPollRecords    {@code max.poll.records}
     * @param checkCrcs         {@code check.crcs}
     * @param isolationLevel    {@code isolation.level}
     */
    public Fetcher(ConsumerNetworkClient net, SubscriptionState subscriptions, ConsumerMetadata metadata,
                   Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer, int minBytes, int maxBytes,
                   int maxWaitMs, int maxPartitionBytes, int maxPollRecords, boolean checkCrcs,
                   IsolationLevel isolationLevel) {
        this.net = net;
        this.subscriptions = subscriptions;
        this.metadata = metadata;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
        this.maxWaitMs = maxWaitMs;
        this.maxPartitionBytes = maxPartitionBytes;
        this.maxPollRecords = maxPollRecords;
        this.checkCrcs = checkCrcs;
        this.isolationLevel = isolationLevel;
    }

    /** @return the fetch in flight, or null */
    public CompletableFuture<FetchResponse> inFlight() {
        return inFlight;
    }

    /**
     * Sends a fetch for every fetchable partition without buffered data, unless one is in flight. A long-poll fetch
     * in flight that no longer matches the positions (after a seek or an assignment change) is abandoned: its answer
     * would be dropped anyway, and waiting for it would delay the new positions by up to {@code fetch.max.wait.ms}.
     */
    public void sendFetches() {
        if (inFlight != null && inFlight.isDone()) {
            moveResponseToBuffer();
        }
        Map<TopicPartition, FetchRequest.PartitionData> data = new LinkedHashMap<>();
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        for (TopicPartition tp : subscriptions.fetchablePartitions()) {
            if (hasBuffered(tp)) {
                continue;
            }
            long position = subscriptions.position(tp);
            data.put(tp, new FetchRequest.PartitionData(position, -1L, maxPartitionBytes));
            offsets.put(tp, position);
        }
        if (inFlight != null) {
            if (offsets.equals(inFlightOffsets)) {
                return;
            }
            log.debug("Abandoning a fetch of {} for {}", inFlightOffsets, offsets);
            inFlight = null;
            inFlightOffsets = Map.of();
        }
        if (data.isEmpty()) {
            return;
        }
        inFlightOffsets = offsets;
        inFlight = net.send(new FetchRequest(maxWaitMs, minBytes, maxBytes, isolationLevel, data));
    }

    private boolean hasBuffered(TopicPartition tp) {
        if (nextInLine != null && !nextInLine.consumed && nextInLine.partition.equals(tp)) {
            return true;
        }
        for (CompletedFetch f : completed) {
            if (f.partition.equals(tp)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether records (or an error) are buffered */
    public boolean hasCompletedFetches() {
        moveResponseToBuffer();
        return !completed.isEmpty() || (nextInLine != null && !nextInLine.consumed);
    }

    private void moveResponseToBuffer() {
        if (inFlight == null || !inFlight.isDone()) {
            return;
        }
        CompletableFuture<FetchResponse> f = inFlight;
        Map<TopicPartition, Long> offsets = inFlightOffsets;
        inFlight = null;
        inFlightOffsets = Map.of();
        FetchResponse response;
        try {
            response = f.join();
        } catch (RuntimeException e) {
            log.warn("Fetch failed: {}", e.toString());
            return;
        }
        response.responseData().forEach((tp, pd) -> {
            Long fetchOffset = offsets.get(tp);
            if (fetchOffset != null) {
                completed.add(new CompletedFetch(tp, fetchOffset, pd));
            }
        });
    }

    /** Drops buffered data and forgets the fetch in flight (after a rebalance changes the assignment). */
    public void clearBufferedDataForUnassignedPartitions() {
        completed.removeIf(f -> !subscriptions.isAssigned(f.partition));
        if (nextInLine != null && !subscriptions.isAssigned(nextInLine.partition)) {
            nextInLine = null;
        }
    }

    /**
     * Returns buffered records, up to {@code max.poll.records}, advancing positions.
     *
     * @return records per partition (empty when none are buffered)
     * @throws RecordDeserializationException when the next record of a partition cannot be deserialized
     * @throws OffsetOutOfRangeException      for out-of-range positions with {@code auto.offset.reset=none}
     */
    public Map<TopicPartition, List<ConsumerRecord<K, V>>> collectFetch() {
        moveResponseToBuffer();
        Map<TopicPartition, List<ConsumerRecord<K, V>>> out = new LinkedHashMap<>();
        int remaining = maxPollRecords;
        List<CompletedFetch> pausedFetches = new ArrayList<>();
        try {
            while (remaining > 0) {
                if (nextInLine == null || nextInLine.consumed) {
                    CompletedFetch next = completed.poll();
                    if (next == null) {
                        break;
                    }
                    if (subscriptions.isPaused(next.partition)) {
                        pausedFetches.add(next);
                        continue;
                    }
                    nextInLine = initialize(next);
                    continue;
                }
                if (subscriptions.isPaused(nextInLine.partition)) {
                    pausedFetches.add(nextInLine);
                    nextInLine = null;
                    continue;
                }
                if (!positionMatches(nextInLine)) {
                    nextInLine = null;
                    continue;
                }
                List<ConsumerRecord<K, V>> records = nextInLine.fetchRecords(remaining);
                if (!records.isEmpty()) {
                    out.computeIfAbsent(nextInLine.partition, tp -> new ArrayList<>()).addAll(records);
                    remaining -= records.size();
                }
                subscriptions.updatePosition(nextInLine.partition, nextInLine.nextFetchOffset);
                if (nextInLine.error != null) {
                    if (out.isEmpty()) {
                        throw nextInLine.error;
                    }
                    break;
                }
            }
        } finally {
            for (int i = pausedFetches.size() - 1; i >= 0; i--) {
                completed.addFirst(pausedFetches.get(i));
            }
        }
        return out;
    }

    private boolean positionMatches(CompletedFetch f) {
        return subscriptions.isFetchable(f.partition) && subscriptions.position(f.partition) == f.nextFetchOffset;
    }

    private CompletedFetch initialize(CompletedFetch f) {
        TopicPartition tp = f.partition;
        if (!subscriptions.isFetchable(tp) || subscriptions.position(tp) != f.fetchOffset) {
            return null;
        }
        FetchResponse.PartitionData pd = f.data;
        Errors error = pd.error();
        if (error == Errors.NONE) {
            subscriptions.updateFetchState(tp, pd.highWatermark(), pd.logStartOffset());
            f.start();
            return f;
        }
        if (error == Errors.OFFSET_OUT_OF_RANGE) {
            if (subscriptions.resetStrategy(tp).type() == AutoOffsetResetStrategy.Type.NONE) {
                throw new OffsetOutOfRangeException("Fetch position " + f.fetchOffset + " is out of range for partition "
                        + tp + " (" + pd.errorMessage() + ") and auto.offset.reset=none: seek to a valid offset",
                        Map.of(tp, f.fetchOffset));
            }
            log.info("Fetch position {} is out of range for partition {}, resetting offset", f.fetchOffset, tp);
            subscriptions.requestOffsetReset(tp, null);
            return null;
        }
        if (error == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
            log.warn("Received unknown topic or partition error in fetch for partition {}", tp);
            metadata.requestUpdate();
            return null;
        }
        if (error == Errors.CORRUPT_MESSAGE || error == Errors.UNKNOWN_SERVER_ERROR) {
            throw new RunnelException("Fetch of " + tp + " at offset " + f.fetchOffset + " failed: "
                    + (pd.errorMessage() == null ? error.message() : pd.errorMessage()));
        }
        log.debug("Fetch of {} failed with {}; retrying", tp, error);
        return null;
    }

    /** One partition's fetched batches, decoded as poll returns them. */
    private final class CompletedFetch {
        final TopicPartition partition;
        final long fetchOffset;
        final FetchResponse.PartitionData data;
        long nextFetchOffset;
        boolean consumed;
        RuntimeException error;
        private Iterator<DefaultRecordBatch> batches;
        private DefaultRecordBatch currentBatch;
        private Iterator<Record> records = Collections.emptyIterator();

        CompletedFetch(TopicPartition partition, long fetchOffset, FetchResponse.PartitionData data) {
            this.partition = partition;
            this.fetchOffset = fetchOffset;
            this.data = data;
            this.nextFetchOffset = fetchOffset;
        }

        void start() {
            batches = data.records().batches().iterator();
        }

        private Record nextRecord() {
            while (true) {
                while (records.hasNext()) {
                    Record r = records.next();
                    if (r.offset() >= nextFetchOffset) {
                        return r;
                    }
                }
                if (currentBatch != null) {
                    nextFetchOffset = Math.max(nextFetchOffset, currentBatch.nextOffset());
                    currentBatch = null;
                }
                if (!batches.hasNext()) {
                    return null;
                }
                DefaultRecordBatch batch = batches.next();
                if (batch.nextOffset() <= nextFetchOffset) {
                    continue;
                }
                if (checkCrcs) {
                    try {
                        batch.ensureValid();
                    } catch (CorruptRecordException e) {
                        throw new RunnelException("Received exception when fetching the next record from " + partition
                                + ". If needed, please seek past the record to continue consumption.", e);
                    }
                }
                currentBatch = batch;
                if (batch.isControlBatch()) {
                    records = Collections.emptyIterator();
                    continue;
                }
                records = batch.iterator();
            }
        }

        List<ConsumerRecord<K, V>> fetchRecords(int max) {
            List<ConsumerRecord<K, V>> out = new ArrayList<>();
            if (error != null) {
                return out;
            }
            while (out.size() < max) {
                Record r;
                try {
                    r = nextRecord();
                } catch (RuntimeException e) {
                    error = e;
                    break;
                }
                if (r == null) {
                    consumed = true;
                    break;
                }
                try {
                    out.add(parse(r));
                    nextFetchOffset = r.offset() + 1;
                } catch (RecordDeserializationException e) {
                    error = e;
                    pushBack(r);
                    break;
                }
            }
            return out;
        }

        private void pushBack(Record r) {
            Iterator<Record> rest = records;
            records = new Iterator<>() {
                private boolean first = true;

                @Override
                public boolean hasNext() {
                    return first || rest.hasNext();
                }

                @Override
                public Record next() {
                    if (first) {
                        first = false;
                        return r;
                    }
                    return rest.next();
                }
            };
        }

        private ConsumerRecord<K, V> parse(Record r) {
            RecordBatch batch = currentBatch;
            Headers headers = new RecordHeaders(r.headers());
            ByteBuffer keyBytes = r.key();
            ByteBuffer valueBytes = r.value();
            K key;
            V value;
            try {
                key = keyBytes == null ? keyDeserializer.deserialize(partition.topic(), headers, (byte[]) null)
                        : keyDeserializer.deserialize(partition.topic(), headers, keyBytes);
            } catch (RuntimeException e) {
                throw deserializationError(RecordDeserializationException.DeserializationExceptionOrigin.KEY, r, batch,
                        headers, e);
            }
            try {
                value = valueBytes == null ? valueDeserializer.deserialize(partition.topic(), headers, (byte[]) null)
                        : valueDeserializer.deserialize(partition.topic(), headers, valueBytes);
            } catch (RuntimeException e) {
                throw deserializationError(RecordDeserializationException.DeserializationExceptionOrigin.VALUE, r, batch,
                        headers, e);
            }
            int epoch = batch.partitionLeaderEpoch();
            return new ConsumerRecord<>(partition.topic(), partition.partition(), r.offset(), r.timestamp(),
                    batch.timestampType(), r.keySize(), r.valueSize(), key, value, headers,
                    epoch < 0 ? Optional.empty() : Optional.of(epoch));
        }

        private RecordDeserializationException deserializationError(
                RecordDeserializationException.DeserializationExceptionOrigin origin, Record r, RecordBatch batch,
                Headers headers, RuntimeException cause) {
            return new RecordDeserializationException(origin, partition, r.offset(), r.timestamp(), batch.timestampType(),
                    r.key(), r.value(), headers, "Error deserializing " + origin.name().toLowerCase(java.util.Locale.ROOT)
                    + " for partition " + partition + " at offset " + r.offset()
                    + ". If needed, please seek past the record to continue consumption.", cause);
        }
    }
}
