package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;

import java.util.Collection;
import java.util.List;

/**
 * The result of {@link Admin#listConsumerGroups} (Kafka's {@code ListConsumerGroupsResult}).
 */
public final class ListConsumerGroupsResult {

    private final RunnelFuture<Collection<ConsumerGroupListing>> future;

    /** @param future the listings */
    public ListConsumerGroupsResult(RunnelFuture<Collection<ConsumerGroupListing>> future) {
        this.future = future;
    }

    /** @return every consumer group (failed if the listing failed) */
    public RunnelFuture<Collection<ConsumerGroupListing>> all() {
        return future;
    }

    /** @return the groups listed without error (one node: the same as {@link #all()}) */
    public RunnelFuture<Collection<ConsumerGroupListing>> valid() {
        return future;
    }

    /** @return the errors of nodes that could not be listed (one node: empty, or the listing's failure) */
    public RunnelFuture<Collection<Throwable>> errors() {
        return RunnelFuture.of(future.toCompletionStage().handle((v, e) -> e == null ? List.<Throwable>of()
                : List.of(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause()
                : e)));
    }
}
