package io.runnel.common;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The result of an asynchronous client operation, as Kafka's {@code KafkaFuture}: the admin client's results
 * ({@code CreateTopicsResult.all()}, {@code values()}) hand these out. A read-only view: callers wait, chain and
 * inspect but cannot complete it. {@link #get()} throws {@link ExecutionException} whose cause is the
 * operation's exception (for example {@link io.runnel.common.errors.TopicExistsException}).
 *
 * <p>Thread-safe.
 *
 * @param <T> the result type
 */
public final class RunnelFuture<T> implements Future<T> {

    private final CompletableFuture<T> future;

    private RunnelFuture(CompletableFuture<T> future) {
        this.future = future;
    }

    /**
     * Wraps a completion stage; the caller keeps the right to complete it.
     *
     * @param <T>   the result type
     * @param stage the stage, not null
     * @return a read-only future over it
     */
    public static <T> RunnelFuture<T> of(CompletionStage<T> stage) {
        return new RunnelFuture<>(Objects.requireNonNull(stage, "stage").toCompletableFuture());
    }

    /**
     * @param <T>   the result type
     * @param value the value
     * @return a future already completed with {@code value}
     */
    public static <T> RunnelFuture<T> completedFuture(T value) {
        return new RunnelFuture<>(CompletableFuture.completedFuture(value));
    }

    /**
     * @param <T>       the result type
     * @param exception the failure
     * @return a future already failed with {@code exception}
     */
    public static <T> RunnelFuture<T> failedFuture(Throwable exception) {
        return new RunnelFuture<>(CompletableFuture.failedFuture(exception));
    }

    /**
     * @param futures the futures
     * @return a future completed when all are; failed with the first failure (in argument order) if any failed
     */
    public static RunnelFuture<Void> allOf(RunnelFuture<?>... futures) {
        CompletableFuture<?>[] cfs = new CompletableFuture<?>[futures.length];
        for (int i = 0; i < futures.length; i++) {
            cfs[i] = futures[i].future;
        }
        CompletableFuture<Void> all = new CompletableFuture<>();
        CompletableFuture.allOf(cfs).whenComplete((v, e) -> {
            for (CompletableFuture<?> cf : cfs) {
                if (cf.isCompletedExceptionally()) {
                    all.completeExceptionally(unwrap(cf));
                    return;
                }
            }
            all.complete(null);
        });
        return new RunnelFuture<>(all);
    }

    private static Throwable unwrap(CompletableFuture<?> cf) {
        try {
            cf.join();
            return new IllegalStateException("not failed");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    /**
     * @param <R>      the new result type
     * @param function applied to the value when this completes normally
     * @return a future of the function's result; failed like this one if this fails
     */
    public <R> RunnelFuture<R> thenApply(Function<? super T, ? extends R> function) {
        return new RunnelFuture<>(future.thenApply(function));
    }

    /**
     * @param action called with the value or the exception (one of them null) when this completes
     * @return a future completed like this one after the action ran
     */
    public RunnelFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return new RunnelFuture<>(future.whenComplete((v, e) -> action.accept(v, e == null ? null
                : e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e)));
    }

    /** @return a completion stage view (completing it has no effect on this future) */
    public CompletionStage<T> toCompletionStage() {
        return future.minimalCompletionStage();
    }

    /**
     * @param valueIfAbsent returned when not yet complete
     * @return the value, or {@code valueIfAbsent}
     * @throws ExecutionException if the operation failed (the cause is its exception)
     */
    public T getNow(T valueIfAbsent) throws ExecutionException {
        if (!future.isDone()) {
            return valueIfAbsent;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(e);
        }
    }

    /** @return whether it failed */
    public boolean isCompletedExceptionally() {
        return future.isCompletedExceptionally();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return future.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return future.isCancelled();
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return future.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        return future.get(timeout, unit);
    }

    @Override
    public String toString() {
        return "RunnelFuture{" + future + "}";
    }
}
