package io.runnel.server;

import io.runnel.clients.RunnelClient;
import io.runnel.common.errors.UnknownServerException;
import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.requests.RequestContext;
import io.runnel.common.requests.RequestHeader;
import io.runnel.common.utils.Time;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process side of the {@link RunnelClient} seam: hands each request to the embedded log's
 * {@link RequestHandler} on the caller's thread, with no copy and no serialization. Holds one reference to the
 * embedded log, released by {@link #close()}. Thread-safe.
 */
final class InProcessClient implements RunnelClient {

    private final EmbeddedLog handle;
    private final RequestHandler handler;
    private final String clientId;
    private final AtomicInteger correlation = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    InProcessClient(EmbeddedLog handle, RequestHandler handler, String clientId) {
        this.handle = handle;
        this.handler = handler;
        this.clientId = clientId;
    }

    @Override
    public <R extends AbstractResponse> CompletableFuture<R> send(AbstractRequest<R> request) {
        if (closed.get()) {
            throw new IllegalStateException("Client " + clientId + " is closed; cannot send " + request.apiKey());
        }
        RequestContext ctx = new RequestContext(new RequestHeader(clientId, correlation.incrementAndGet()),
                RequestContext.IN_PROCESS_HOST);
        try {
            return handler.handle(ctx, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new UnknownServerException("The embedded log failed to handle "
                    + request.apiKey() + " from " + clientId + ": " + e, e));
        }
    }

    @Override
    public Time time() {
        return handle.time();
    }

    @Override
    public String destination() {
        return handle.bootstrapServers();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            handle.close();
        }
    }

    @Override
    public String toString() {
        return "InProcessClient(" + clientId + " -> " + handle.bootstrapServers() + ")";
    }
}
