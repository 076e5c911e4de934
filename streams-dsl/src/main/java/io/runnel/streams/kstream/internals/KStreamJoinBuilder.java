package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.JoinWindows;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.ValueJoinerWithKey;
import io.runnel.streams.kstream.internals.graph.ProcessorGraphNode;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a KStream-KStream join (Kafka's {@code KStreamImplJoin}): both inputs repartitioned if marked and
 * declared co-partitioned; one processor per side, each with a window store of its side's records (retaining
 * duplicates for {@code before + after + grace}) and reading the other side's store; for left and outer joins a
 * shared store of the records still without a match; a merge node joining both sides' output.
 *
 * <p>Names: with {@code StreamJoined.withName(n)} the processors are {@code n-this-join}, {@code n-other-join},
 * {@code n-merge}; with a store name {@code s} (or else the name) the stores are {@code s-this-join-store},
 * {@code s-other-join-store}, {@code s-outer-shared-join-store}; otherwise stable generated names.
 *
 * @param <K>  the key type
 * @param <V1> this stream's value type
 * @param <V2> the other stream's value type
 * @param <VR> the result type
 */
final class KStreamJoinBuilder<K, V1, V2, VR> {

    /** The join kinds. */
    enum Kind {
        /** Only matches. */
        INNER,
        /** Matches, and unmatched records of this stream. */
        LEFT,
        /** Matches, and unmatched records of both streams. */
        OUTER
    }

    private final KStreamImpl<K, V1> thisStream;
    private final KStreamImpl<K, V2> otherStream;
    private final ValueJoinerWithKey<? super K, ? super V1, ? super V2, ? extends VR> joiner;
    private final JoinWindows windows;
    private final StreamJoinedInternal<K, V1, V2> streamJoined;
    private final Kind kind;

    KStreamJoinBuilder(KStreamImpl<K, V1> thisStream, KStreamImpl<K, V2> otherStream,
                       ValueJoinerWithKey<? super K, ? super V1, ? super V2, ? extends VR> joiner, JoinWindows windows,
                       StreamJoinedInternal<K, V1, V2> streamJoined, Kind kind) {
        this.thisStream = thisStream;
        this.otherStream = otherStream;
        this.joiner = joiner;
        this.windows = windows;
        this.streamJoined = streamJoined;
        this.kind = kind;
    }

    KStream<K, VR> build() {
        InternalStreamsBuilder builder = thisStream.builder();
        String name = streamJoined.name();
        KStreamImpl<K, V1> left = thisStream.repartitionedForJoin(name == null ? null : name + "-left",
                streamJoined.keySerde(), streamJoined.valueSerde());
        KStreamImpl<K, V2> right = otherStream.repartitionedForJoin(name == null ? null : name + "-right",
                streamJoined.keySerde(), streamJoined.otherValueSerde());
        builder.copartition(left.union(right));

        Serde<K> keySerde = AbstractStream.orElse(streamJoined.keySerde(), left.keySerde());
        Serde<V1> leftSerde = AbstractStream.orElse(streamJoined.valueSerde(), left.valueSerde());
        Serde<V2> rightSerde = AbstractStream.orElse(streamJoined.otherValueSerde(), right.valueSerde());
        String anchor = name != null ? "named:" + name
                : "join(" + left.anchor() + "," + right.anchor() + "," + kind + ")";
        String storeBase = streamJoined.storeName() != null ? streamJoined.storeName() : name;
        String thisStoreName = streamJoined.thisStoreSupplier() != null ? streamJoined.thisStoreSupplier().name()
                : storeBase != null ? storeBase + "-this-join-store"
                : builder.newStoreName("KSTREAM-JOINTHIS-STORE", anchor);
        String otherStoreName = streamJoined.otherStoreSupplier() != null ? streamJoined.otherStoreSupplier().name()
                : storeBase != null ? storeBase + "-other-join-store"
                : builder.newStoreName("KSTREAM-JOINOTHER-STORE", anchor);
        String outerStoreName = kind == Kind.INNER ? null
                : storeBase != null ? storeBase + "-outer-shared-join-store"
                : builder.newStoreName("KSTREAM-OUTERSHARED-JOIN-STORE", anchor);

        long windowSize = Math.max(1L, windows.size());
        long retention = Math.max(windowSize, windows.size() + windows.gracePeriodMs());
        StoreFactory thisStore = StoreFactory.window(thisStoreName, streamJoined.thisStoreSupplier(), null, retention,
                windowSize, true, keySerde, leftSerde, streamJoined.loggingEnabled(), streamJoined.logConfig());
        StoreFactory otherStore = StoreFactory.window(otherStoreName, streamJoined.otherStoreSupplier(), null,
                retention, windowSize, true, keySerde, rightSerde, streamJoined.loggingEnabled(),
                streamJoined.logConfig());

        String thisName = name != null ? name + "-this-join"
                : builder.newProcessorName(kind == Kind.OUTER ? "KSTREAM-OUTERTHIS" : "KSTREAM-JOINTHIS");
        String otherName = name != null ? name + "-other-join"
                : builder.newProcessorName(kind == Kind.INNER ? "KSTREAM-JOINOTHER" : "KSTREAM-OUTEROTHER");
        String mergeName = name != null ? name + "-merge" : builder.newProcessorName("KSTREAM-MERGE");

        ConcurrentHashMap<String, long[]> sharedExpiry = new ConcurrentHashMap<>();
        KStreamKStreamJoin.Config<K, V1, V2, VR> config = new KStreamKStreamJoin.Config<>(thisStoreName,
                otherStoreName, outerStoreName, windows.beforeMs(), windows.afterMs(), windows.gracePeriodMs(), joiner,
                kind != Kind.INNER, kind == Kind.OUTER, keySerde, leftSerde, rightSerde, sharedExpiry);

        ProcessorGraphNode thisNode = new ProcessorGraphNode(thisName, KStreamKStreamJoin.leftSupplier(config));
        thisNode.withStore(thisStore);
        if (outerStoreName != null) {
            thisNode.withStore(StoreFactory.bytesKeyValue(outerStoreName, null, streamJoined.loggingEnabled(),
                    streamJoined.logConfig()));
        }
        ProcessorGraphNode otherNode = new ProcessorGraphNode(otherName, KStreamKStreamJoin.rightSupplier(config));
        otherNode.withStore(otherStore, thisName);
        otherNode.connect(thisStoreName);
        if (outerStoreName != null) {
            otherNode.connect(outerStoreName);
        }
        builder.addChild(left.graphNode(), thisNode);
        builder.addChild(right.graphNode(), otherNode);
        ProcessorGraphNode merge = new ProcessorGraphNode(mergeName, KStreamProcessors.passThrough());
        thisNode.addChild(merge);
        otherNode.addChild(merge);
        builder.addNode(merge);
        return new KStreamImpl<>(builder, merge, keySerde, null, left.union(right), anchor, false);
    }
}
