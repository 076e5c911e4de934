package io.runnel.clients.consumer.internals;

import io.runnel.clients.consumer.NoOffsetForPartitionException;
import io.runnel.common.IsolationLevel;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.RetriableException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.ListOffsetsRequest;
import io.runnel.common.requests.ListOffsetsResponse;
import io.runnel.common.utils.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offset lookups (Kafka's {@code OffsetFetcher}): ListOffsets for {@code auto.offset.reset},
 * {@code seekToBeginning}/{@code seekToEnd}, {@code beginningOffsets}, {@code endOffsets} and
 * {@code offsetsForTimes}. Retriable errors are retried until the caller's timer expires. Used by the polling
 * thread only.
 */
public final class OffsetFetcher {

    private static final Logger log = LoggerFactory.getLogger(OffsetFetcher.class);

    private final ConsumerNetworkClient net;
    private final SubscriptionState subscriptions;
    private final IsolationLevel isolationLevel;
    private final long retryBackoffMs;

    /**
     * @param net            the transport
     * @param subscriptions  positions
     * @param isolationLevel {@code isolation.level}
     * @param retryBackoffMs {@code retry.backoff.ms}
     */
    public OffsetFetcher(ConsumerNetworkClient net, SubscriptionState subscriptions, IsolationLevel isolationLevel,
                         long retryBackoffMs) {
        this.net = net;
        this.subscriptions = subscriptions;
        this.isolationLevel = isolationLevel;
        this.retryBackoffMs = retryBackoffMs;
    }

    /**
     * @param timestamps per partition: a time in ms or a {@link ListOffsetsRequest} special timestamp
     * @param timer      the time budget
     * @return per partition, the result (offset -1 when no record is that late)
     * @throws TimeoutException if a retriable error persists until the timer expires
     */
    public Map<TopicPartition, ListOffsetsResponse.PartitionResult> listOffsets(Map<TopicPartition, Long> timestamps,
                                                                             Timer timer) {
        Map<TopicPartition, ListOffsetsResponse.PartitionResult> out = new LinkedHashMap<>();
        Map<TopicPartition, Long> remaining = new LinkedHashMap<>(timestamps);
        while (!remaining.isEmpty()) {
            ListOffsetsResponse r = net.sendAndWait(new ListOffsetsRequest(isolationLevel, remaining), timer,
                    "offsets of " + remaining.keySet());
            RuntimeException retriable = null;
            for (Map.Entry<TopicPartition, ListOffsetsResponse.PartitionResult> e : r.partitions().entrySet()) {
                ListOffsetsResponse.PartitionResult pr = e.getValue();
                if (pr.error() == Errors.NONE) {
                    out.put(e.getKey(), pr);
                    remaining.remove(e.getKey());
                    continue;
                }
                RuntimeException ex = pr.error().exception(pr.errorMessage());
                if (!(ex instanceof RetriableException)) {
                    throw ex;
                }
                retriable = ex;
            }
            if (!remaining.isEmpty()) {
                timer.update();
                if (timer.isExpired()) {
                    throw new TimeoutException("Failed to get offsets by times in " + timer.elapsedMs() + " ms: "
                            + (retriable == null ? "no answer" : retriable.getMessage()));
                }
                net.sleep(retryBackoffMs, timer);
            }
        }
        return out;
    }

    /**
     * Gives every assigned partition without a position one, by its reset strategy.
     *
     * @param timer the time budget
     * @throws NoOffsetForPartitionException for partitions whose strategy is {@code none}
     */
    public void resetPositionsIfNeeded(Timer timer) {
        List<TopicPartition> needing = subscriptions.partitionsNeedingPosition();
        if (needing.isEmpty()) {
            return;
        }
        List<TopicPartition> noReset = new ArrayList<>();
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        Map<TopicPartition, AutoOffsetResetStrategy> strategies = new HashMap<>();
        long now = net.time().milliseconds();
        for (TopicPartition tp : needing) {
            AutoOffsetResetStrategy s = subscriptions.resetStrategy(tp);
            if (s.type() == AutoOffsetResetStrategy.Type.NONE) {
                noReset.add(tp);
            } else {
                strategies.put(tp, s);
                timestamps.put(tp, s.timestamp(now));
            }
        }
        if (!noReset.isEmpty()) {
            throw new NoOffsetForPartitionException(noReset);
        }
        Map<TopicPartition, ListOffsetsResponse.PartitionResult> found = listOffsets(timestamps, timer);
        Map<TopicPartition, Long> fallbackToLatest = new HashMap<>();
        found.forEach((tp, pr) -> {
            if (pr.offset() >= 0) {
                seekIfStillNeeded(tp, pr.offset(), strategies.get(tp));
            } else {
                fallbackToLatest.put(tp, ListOffsetsRequest.LATEST_TIMESTAMP);
            }
        });
        if (!fallbackToLatest.isEmpty()) {
            listOffsets(fallbackToLatest, timer).forEach((tp, pr) -> seekIfStillNeeded(tp, pr.offset(),
                    strategies.get(tp)));
        }
    }

    private void seekIfStillNeeded(TopicPartition tp, long offset, AutoOffsetResetStrategy strategy) {
        if (subscriptions.isAssigned(tp) && subscriptions.position(tp) == null) {
            log.info("Resetting offset for partition {} to position {} ({})", tp, offset,
                    strategy.type().name().toLowerCase(java.util.Locale.ROOT));
            subscriptions.seek(tp, offset, Optional.empty());
        }
    }
}
