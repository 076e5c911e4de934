package io.runnel.server;

import io.runnel.common.TopicPartition;
import io.runnel.common.requests.FetchRequest;
import io.runnel.common.requests.FetchResponse;
import io.runnel.log.Scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A fetch waiting for {@code fetch.min.bytes} (Kafka's {@code DelayedFetch}). It holds no thread: it is woken by
 * the partitions' {@code newDataFuture}s (completed by appending threads; armed at each partition's current log
 * end offset, so a wake-up means new data) and by its expiry timer on the request scheduler, re-reads the
 * partitions each time, and answers once enough bytes are there, an error occurs or the time is up. Thread-safe:
 * wake-ups from several appenders and the timer are serialised.
 */
final class DelayedFetch {

    /** What one read of the request's partitions produced. */
    record ReadResult(FetchResponse response, int bytes, boolean hasError) {
    }

    private final FetchRequest request;
    private final Function<FetchRequest, ReadResult> reader;
    private final Function<TopicPartition, CompletableFuture<Long>> dataFutures;
    private final CompletableFuture<FetchResponse> result = new CompletableFuture<>();
    private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
    private Scheduler.Task timer;
    private boolean done;

    DelayedFetch(FetchRequest request, Function<FetchRequest, ReadResult> reader,
                 Function<TopicPartition, CompletableFuture<Long>> dataFutures) {
        this.request = request;
        this.reader = reader;
        this.dataFutures = dataFutures;
    }

    CompletableFuture<FetchResponse> result() {
        return result;
    }

    /** Arms the wake-ups and the expiry timer. */
    void start(Scheduler scheduler) {
        synchronized (this) {
            timer = scheduler.schedule("delayed-fetch", () -> tryComplete(true), request.maxWaitMs(), 0);
            arm();
        }
    }

    private void arm() {
        for (TopicPartition tp : request.fetchData().keySet()) {
            CompletableFuture<Long> f = dataFutures.apply(tp);
            if (f == null) {
                continue;
            }
            waiting.add(f);
            f.whenComplete((v, e) -> tryComplete(false));
        }
    }

    void tryComplete(boolean expired) {
        FetchResponse response;
        synchronized (this) {
            if (done) {
                return;
            }
            ReadResult read = reader.apply(request);
            if (!expired && read.bytes() < request.minBytes() && !read.hasError()) {
                if (waiting.stream().allMatch(CompletableFuture::isDone)) {
                    waiting.clear();
                    arm();
                }
                return;
            }
            done = true;
            if (timer != null) {
                timer.cancel();
            }
            waiting.forEach(f -> f.cancel(false));
            waiting.clear();
            response = read.response();
        }
        result.complete(response);
    }
}
