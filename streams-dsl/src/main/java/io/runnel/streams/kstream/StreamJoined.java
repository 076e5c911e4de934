package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.state.WindowBytesStoreSupplier;

import java.util.Map;
import java.util.Objects;

/**
 * Serdes, stores and names of a KStream-KStream join, as Kafka's {@code StreamJoined}: the key and both value
 * serdes (used by the join's window stores and any repartition topic; null: the serdes the streams carry, else the
 * defaults), optional window bytes store suppliers for both sides (they must keep duplicates), a name for the join's
 * processors and a base name for its stores ({@code <storeName>-this-join-store}, {@code <storeName>-other-join-store},
 * {@code <storeName>-outer-shared-join-store}) and changelogs. Immutable.
 *
 * @param <K>  the key type
 * @param <V1> this stream's value type
 * @param <V2> the other stream's value type
 */
public class StreamJoined<K, V1, V2> {

    /** Key serde, or null. */
    protected final Serde<K> keySerde;
    /** This side's value serde, or null. */
    protected final Serde<V1> valueSerde;
    /** Other side's value serde, or null. */
    protected final Serde<V2> otherValueSerde;
    /** This side's store supplier, or null. */
    protected final WindowBytesStoreSupplier thisStoreSupplier;
    /** Other side's store supplier, or null. */
    protected final WindowBytesStoreSupplier otherStoreSupplier;
    /** Processor name, or null. */
    protected final String name;
    /** Base store name, or null. */
    protected final String storeName;
    /** Change logging of the join's stores. */
    protected final boolean loggingEnabled;
    /** Extra changelog settings. */
    protected final Map<String, String> topicConfig;

    private StreamJoined(Serde<K> keySerde, Serde<V1> valueSerde, Serde<V2> otherValueSerde,
                         WindowBytesStoreSupplier thisStoreSupplier, WindowBytesStoreSupplier otherStoreSupplier,
                         String name, String storeName, boolean loggingEnabled, Map<String, String> topicConfig) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.otherValueSerde = otherValueSerde;
        this.thisStoreSupplier = thisStoreSupplier;
        this.otherStoreSupplier = otherStoreSupplier;
        this.name = name == null ? null : Named.validate(name);
        this.storeName = storeName == null ? null : Named.validate(storeName);
        this.loggingEnabled = loggingEnabled;
        this.topicConfig = Map.copyOf(topicConfig);
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param s the instance to copy
     */
    protected StreamJoined(StreamJoined<K, V1, V2> s) {
        this(s.keySerde, s.valueSerde, s.otherValueSerde, s.thisStoreSupplier, s.otherStoreSupplier, s.name,
                s.storeName, s.loggingEnabled, s.topicConfig);
    }

    /**
     * @param <K>             the key type
     * @param <V1>            this stream's value type
     * @param <V2>            the other stream's value type
     * @param keySerde        the key serde, or null
     * @param valueSerde      this side's value serde, or null
     * @param otherValueSerde the other side's value serde, or null
     * @return a {@code StreamJoined} with the serdes
     */
    public static <K, V1, V2> StreamJoined<K, V1, V2> with(Serde<K> keySerde, Serde<V1> valueSerde,
                                                         Serde<V2> otherValueSerde) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, null, null, null, null, true, Map.of());
    }

    /**
     * @param <K>                the key type
     * @param <V1>               this stream's value type
     * @param <V2>               the other stream's value type
     * @param thisStoreSupplier  this side's window store (retaining duplicates)
     * @param otherStoreSupplier the other side's window store (retaining duplicates)
     * @return a {@code StreamJoined} with the stores
     */
    public static <K, V1, V2> StreamJoined<K, V1, V2> with(WindowBytesStoreSupplier thisStoreSupplier,
                                                         WindowBytesStoreSupplier otherStoreSupplier) {
        return new StreamJoined<>(null, null, null, Objects.requireNonNull(thisStoreSupplier, "thisStoreSupplier"),
                Objects.requireNonNull(otherStoreSupplier, "otherStoreSupplier"), null, null, true, Map.of());
    }

    /**
     * @param <K>       the key type
     * @param <V1>      this stream's value type
     * @param <V2>      the other stream's value type
     * @param storeName the base name of the join's stores
     * @return a {@code StreamJoined} with the store base name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V1, V2> StreamJoined<K, V1, V2> as(String storeName) {
        return new StreamJoined<>(null, null, null, null, null, null, Named.validate(storeName), true, Map.of());
    }

    /**
     * @param name the name of the join's processors
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public StreamJoined<K, V1, V2> withName(String name) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, loggingEnabled, topicConfig);
    }

    /**
     * @param storeName the base name of the join's stores
     * @return a copy with the store base name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public StreamJoined<K, V1, V2> withStoreName(String storeName) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, loggingEnabled, topicConfig);
    }

    /**
     * @param keySerde the key serde, or null
     * @return a copy with the key serde
     */
    public StreamJoined<K, V1, V2> withKeySerde(Serde<K> keySerde) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, loggingEnabled, topicConfig);
    }

    /**
     * @param valueSerde this side's value serde, or null
     * @return a copy with the serde
     */
    public StreamJoined<K, V1, V2> withValueSerde(Serde<V1> valueSerde) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, loggingEnabled, topicConfig);
    }

    /**
     * @param otherValueSerde the other side's value serde, or null
     * @return a copy with the serde
     */
    public StreamJoined<K, V1, V2> withOtherValueSerde(Serde<V2> otherValueSerde) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, loggingEnabled, topicConfig);
    }

    /**
     * @param thisStoreSupplier this side's window store (retaining duplicates), or null for the default
     * @return a copy with the store
     */
    public StreamJoined<K, V1, V2> withThisStoreSupplier(WindowBytesStoreSupplier thisStoreSupplier) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, loggingEnabled, topicConfig);
    }

    /**
     * @param otherStoreSupplier the other side's window store (retaining duplicates), or null for the default
     * @return a copy with the store
     */
    public StreamJoined<K, V1, V2> withOtherStoreSupplier(WindowBytesStoreSupplier otherStoreSupplier) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, loggingEnabled, topicConfig);
    }

    /**
     * @param config extra changelog topic settings of the join's stores
     * @return a copy with logging on
     */
    public StreamJoined<K, V1, V2> withLoggingEnabled(Map<String, String> config) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, true, Objects.requireNonNull(config, "config can't be null"));
    }

    /** @return a copy without change logging (the join state is lost on failure) */
    public StreamJoined<K, V1, V2> withLoggingDisabled() {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, thisStoreSupplier, otherStoreSupplier, name,
                storeName, false, Map.of());
    }
}
