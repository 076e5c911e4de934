package io.runnel.samples.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.KTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A KStream–KTable join: orders (key: customer, value: product) joined with the customers' latest address (a
 * {@code KTable} read from {@value #ADDRESS_TABLE}, key: customer) into {@code order + " send to " + address} on
 * {@value #ORDER_JOIN_STREAM}. An inner join: an order whose customer has no address yet is dropped; a new address
 * for a customer replaces the old one for later orders only (the table is the latest value per key).
 *
 * <p>The two inputs must be <em>co-partitioned</em> (same partition count, keys partitioned alike): order partition
 * n is joined with address partition n in the same stream task, whose RocksDB store holds that partition of the
 * table (changelog {@code <application.id>-...-changelog}). Different counts fail {@code start()} with
 * {@code TopologyException: Topics not co-partitioned}. {@link OrdersAddressGlobalTableJoin} has no such
 * constraint.
 *
 * <p>Kafka concepts: {@code KTable}, {@code KStream.join(KTable, ValueJoiner)}, co-partitioning, state stores.
 *
 * <p>{@link #main} writes {@link #DEMO_ADDRESSES} then {@link #DEMO_ORDERS} (3 partitions each; the orders'
 * timestamps are later, so each task reads the addresses first) and prints the joined orders. Run (from the
 * repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.streams.OrdersAddressTableJoin [log-dir]
 * }</pre>
 */
public final class OrdersAddressTableJoin {

    static {
        SampleSupport.configureLogging();
    }

    /** The addresses, key customer, value address. */
    public static final String ADDRESS_TABLE = "address";
    /** The orders, key customer, value product. */
    public static final String ORDER_STREAM = "order";
    /** The joined orders. */
    public static final String ORDER_JOIN_STREAM = "order_join";
    /** Partitions of the three topics (equal: the join needs co-partitioned inputs). */
    public static final int PARTITIONS = 3;
    /** The application id. */
    public static final String APPLICATION_ID = "order-join";
    /** The addresses {@link #main} writes. */
    public static final List<KeyValue<String, String>> DEMO_ADDRESSES = List.of(
            KeyValue.pair("wonyoung", "Seoul"), KeyValue.pair("somin", "Newyork"), KeyValue.pair("jiyoung", "Busan"));
    /** The orders {@link #main} writes; "nobody" has no address, so that order is not joined. */
    public static final List<KeyValue<String, String>> DEMO_ORDERS = List.of(
            KeyValue.pair("wonyoung", "iPhone"), KeyValue.pair("somin", "Galaxy"), KeyValue.pair("jiyoung", "Tesla"),
            KeyValue.pair("nobody", "Book"));

    private OrdersAddressTableJoin() {
    }

    /**
     * Joins an order with an address.
     *
     * @param order   the product ordered
     * @param address the customer's address
     * @return {@code "<order> send to <address>"}
     */
    public static String shipment(String order, String address) {
        return order + " send to " + address;
    }

    /** @return the topology: {@value #ORDER_STREAM} join table {@value #ADDRESS_TABLE} → {@value #ORDER_JOIN_STREAM} */
    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> addressTable = builder.table(ADDRESS_TABLE);
        KStream<String, String> orderStream = builder.stream(ORDER_STREAM);
        orderStream.join(addressTable, OrdersAddressTableJoin::shipment).to(ORDER_JOIN_STREAM);
        return builder.build();
    }

    /**
     * @param bootstrapServers the log
     * @param stateDir         the state directory (the table's RocksDB stores)
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
        SampleSupport.createTopic(bootstrapServers, ADDRESS_TABLE, PARTITIONS);
        SampleSupport.createTopic(bootstrapServers, ORDER_STREAM, PARTITIONS);
        SampleSupport.createTopic(bootstrapServers, ORDER_JOIN_STREAM, PARTITIONS);
        Map<TopicPartition, Long> before = SampleSupport.endOffsets(bootstrapServers, ORDER_JOIN_STREAM);
        long now = System.currentTimeMillis();
        StreamsSampleSupport.produce(bootstrapServers, ADDRESS_TABLE, DEMO_ADDRESSES, now);
        StreamsSampleSupport.produce(bootstrapServers, ORDER_STREAM, DEMO_ORDERS, now + 1000);
        return StreamsSampleSupport.runUntilCaughtUp(topology(), config(bootstrapServers, stateDir),
                ORDER_JOIN_STREAM, before);
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        Path logDir = SampleSupport.logDirectory(args);
        try (EmbeddedLog embedded = EmbeddedLog.open(logDir)) {
            StreamsSampleSupport.print(ORDER_JOIN_STREAM + ":", runDemo(embedded.bootstrapServers(),
                    StreamsSampleSupport.stateDirectory(logDir)));
        }
    }
}
