package io.runnel.samples.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.kstream.GlobalKTable;
import io.runnel.streams.kstream.KStream;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A KStream–GlobalKTable join: the same orders and addresses as {@link OrdersAddressTableJoin}, but the addresses
 * are a {@code GlobalKTable}: every application instance holds all of {@value #ADDRESS_GLOBAL_TABLE}, loaded in full
 * before processing starts. So no co-partitioning is needed — here the addresses have 2 partitions and the orders
 * 3 — and the key mapper {@code (orderKey, orderValue) -> orderKey} picks which table key each order looks up (any
 * field of the order could serve: a foreign key).
 *
 * <p>Kafka concepts: {@code GlobalKTable}, {@code KStream.join(GlobalKTable, KeyValueMapper, ValueJoiner)}, global
 * stores.
 *
 * <p>{@link #main} writes the demo addresses to {@value #ADDRESS_GLOBAL_TABLE} and the demo orders to
 * {@value OrdersAddressTableJoin#ORDER_STREAM} and prints the joined orders. Run (from the repository root, after
 * {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.streams.OrdersAddressGlobalTableJoin [log-dir]
 * }</pre>
 */
public final class OrdersAddressGlobalTableJoin {

    static {
        SampleSupport.configureLogging();
    }

    /** The addresses, key customer, value address; 2 partitions on purpose. */
    public static final String ADDRESS_GLOBAL_TABLE = "address_v2";
    /** Partitions of {@value #ADDRESS_GLOBAL_TABLE}. */
    public static final int ADDRESS_PARTITIONS = 2;
    /** The joined orders. */
    public static final String ORDER_GLOBAL_JOIN_STREAM = "order_global_join";
    /** The application id. */
    public static final String APPLICATION_ID = "global-table-join";

    private OrdersAddressGlobalTableJoin() {
    }

    /**
     * @return the topology: {@value OrdersAddressTableJoin#ORDER_STREAM} join global table
     *         {@value #ADDRESS_GLOBAL_TABLE} → {@value #ORDER_GLOBAL_JOIN_STREAM}
     */
    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        GlobalKTable<String, String> addressGlobalTable = builder.globalTable(ADDRESS_GLOBAL_TABLE);
        KStream<String, String> orderStream = builder.stream(OrdersAddressTableJoin.ORDER_STREAM);
        orderStream.join(addressGlobalTable,
                        (orderKey, orderValue) -> orderKey,
                        OrdersAddressTableJoin::shipment)
                .to(ORDER_GLOBAL_JOIN_STREAM);
        return builder.build();
    }

    /**
     * @param bootstrapServers the log
     * @param stateDir         the state directory (the global store)
     * @return the application's settings (string serdes)
     */
    public static Properties config(String bootstrapServers, Path stateDir) {
        return StreamsSampleSupport.config(APPLICATION_ID, bootstrapServers, stateDir);
    }

    /**
     * Creates the topics, writes the demo addresses and orders, runs the application until it has processed its
     * input, stops it.
     *
     * @param bootstrapServers the log
     * @param stateDir         the state directory
     * @return the joined orders this run wrote
     */
    public static List<ConsumerRecord<String, String>> runDemo(String bootstrapServers, Path stateDir) {
        SampleSupport.createTopic(bootstrapServers, ADDRESS_GLOBAL_TABLE, ADDRESS_PARTITIONS);
        SampleSupport.createTopic(bootstrapServers, OrdersAddressTableJoin.ORDER_STREAM,
                OrdersAddressTableJoin.PARTITIONS);
        SampleSupport.createTopic(bootstrapServers, ORDER_GLOBAL_JOIN_STREAM, OrdersAddressTableJoin.PARTITIONS);
        Map<TopicPartition, Long> before = SampleSupport.endOffsets(bootstrapServers, ORDER_GLOBAL_JOIN_STREAM);
        long now = System.currentTimeMillis();
        StreamsSampleSupport.produce(bootstrapServers, ADDRESS_GLOBAL_TABLE, OrdersAddressTableJoin.DEMO_ADDRESSES,
                now);
        StreamsSampleSupport.produce(bootstrapServers, OrdersAddressTableJoin.ORDER_STREAM,
                OrdersAddressTableJoin.DEMO_ORDERS, now + 1000);
        return StreamsSampleSupport.runUntilCaughtUp(topology(), config(bootstrapServers, stateDir),
                ORDER_GLOBAL_JOIN_STREAM, before);
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        Path logDir = SampleSupport.logDirectory(args);
        try (EmbeddedLog embedded = EmbeddedLog.open(logDir)) {
            StreamsSampleSupport.print(ORDER_GLOBAL_JOIN_STREAM + ":", runDemo(embedded.bootstrapServers(),
                    StreamsSampleSupport.stateDirectory(logDir)));
        }
    }
}
