package io.runnel.clients;

import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.utils.Time;

import java.util.concurrent.CompletableFuture;

/**
 * The transport every client (producer, consumer, admin) sends its requests through: Kafka's {@code KafkaClient}
 * reduced to what the clients need. The in-process implementation hands each request to the embedded log's
 * request handler; the future network implementation will encode it in Kafka's wire protocol. Clients depend on
 * nothing else below this seam.
 *
 * <p>{@link #send} never blocks on the server's work: a request the server answers later (a long-poll fetch, a
 * JoinGroup waiting for the rebalance) returns an incomplete future. Responses carry errors as
 * {@link io.runnel.common.requests.Errors} values; the future fails only when the transport itself fails (the
 * client is closed, the connection is lost), with a {@link io.runnel.common.RunnelException}.
 *
 * <p>Thread-safe: a consumer's application thread and heartbeat thread share one.
 */
public interface RunnelClient extends AutoCloseable {

    /**
     * Sends a request.
     *
     * @param <R>     the response type
     * @param request the request, not null
     * @return the response future; may complete on another thread (keep dependent actions short)
     * @throws IllegalStateException if the client is closed
     */
    <R extends AbstractResponse> CompletableFuture<R> send(AbstractRequest<R> request);

    /**
     * @return the clock the other side runs on; clients time their own waits with it, so in-process clients of an
     *     embedded log opened with a {@code MockTime} follow the mock clock
     */
    Time time();

    /** @return where requests go, for messages (for example {@code file:///var/lib/runnel}) */
    String destination();

    /** Releases the transport (for the embedded log: this client's reference to it). Idempotent. */
    @Override
    void close();
}
