package io.runnel.streams.kstream;

import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.TestInputTopic;
import io.runnel.streams.TestOutputTopic;
import io.runnel.streams.TestRecord;
import io.runnel.streams.TopologyTestDriver;
import io.runnel.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JoinTest {

    private static final StringSerializer S = new StringSerializer();
    private static final StringDeserializer D = new StringDeserializer();

    private static List<String> withTimestamps(TestOutputTopic<String, String> out) {
        return out.readRecordsToList().stream().map(r -> r.key() + "=" + r.value() + "@" + r.timestamp()).toList();
    }

    @Test
    void shouldJoinStreamWithTableUsingTheStreamRecordsTimestamp() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> orders = builder.stream("orders");
        KTable<String, String> addresses = builder.table("addresses");
        orders.join(addresses, (order, address) -> order + " send to " + address).to("inner");
        orders.leftJoin(addresses, (order, address) -> order + " send to " + address).to("left");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            TestInputTopic<String, String> o = driver.createInputTopic("orders", S, S);
            TestInputTopic<String, String> a = driver.createInputTopic("addresses", S, S);
            a.pipeInput("alice", "1 Main St", 100L);
            o.pipeInput("alice", "book", 50L);
            o.pipeInput("bob", "pen", 60L);
            a.pipeInput("bob", "2 Side St", 70L);      // table updates do not trigger the join
            o.pipeInput("bob", "ink", 80L);
            assertThat(withTimestamps(driver.createOutputTopic("inner", D, D))).containsExactlyInAnyOrder(
                    "alice=book send to 1 Main St@50", "bob=ink send to 2 Side St@80");
            assertThat(withTimestamps(driver.createOutputTopic("left", D, D))).containsExactlyInAnyOrder(
                    "alice=book send to 1 Main St@50", "bob=pen send to null@60", "bob=ink send to 2 Side St@80");
        }
    }

    @Test
    void shouldRepartitionAKeyChangedStreamBeforeATableJoin() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> names = builder.table("names");
        builder.<String, String>stream("events")
                .selectKey((k, v) -> v.split(":")[0])
                .join(names, (event, name) -> name + " did " + event.split(":")[1])
                .to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            driver.createInputTopic("names", S, S).pipeInput("u1", "Ann");
            driver.createInputTopic("events", S, S).pipeInput("e1", "u1:login");
            assertThat(driver.createOutputTopic("out", D, D).readKeyValuesToList())
                    .containsExactly(KeyValue.pair("u1", "Ann did login"));
        }
    }

    @Test
    void shouldJoinStreamWithGlobalTableByAComputedKey() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> orders = builder.stream("orders");
        GlobalKTable<String, String> addresses = builder.globalTable("addresses");
        orders.join(addresses, (k, v) -> k, (order, address) -> order + " send to " + address).to("inner");
        orders.leftJoin(addresses, (k, v) -> v.contains("#") ? null : k, (k, order, address) -> k + ":" + address)
                .to("left");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            TestInputTopic<String, String> a = driver.createInputTopic("addresses", S, S);
            a.pipeInput("alice", "1 Main St");
            TestInputTopic<String, String> o = driver.createInputTopic("orders", S, S);
            o.pipeInput("alice", "book", 5L);
            o.pipeInput("carol", "cup", 6L);
            o.pipeInput("alice", "#nokey", 7L);
            assertThat(withTimestamps(driver.createOutputTopic("inner", D, D))).containsExactlyInAnyOrder(
                    "alice=book send to 1 Main St@5", "alice=#nokey send to 1 Main St@7");
            assertThat(driver.createOutputTopic("left", D, D).readValuesToList()).containsExactlyInAnyOrder(
                    "alice:1 Main St", "carol:null", "alice:null");
        }
    }

    @Test
    void shouldInnerJoinStreamsWithinTheWindowTakingTheLargerTimestamp() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> left = builder.stream("left");
        KStream<String, String> right = builder.stream("right");
        left.join(right, (l, r) -> l + "+" + r,
                JoinWindows.ofTimeDifferenceAndGrace(Duration.ofSeconds(10), Duration.ofSeconds(5))).to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> l = driver.createInputTopic("left", S, S);
            TestInputTopic<String, String> r = driver.createInputTopic("right", S, S);
            l.pipeInput("k", "l1", 1_000L);
            r.pipeInput("k", "r1", 5_000L);     // within 10s of l1
            r.pipeInput("k", "r2", 30_000L);    // too far from l1
            l.pipeInput("k", "l2", 25_000L);    // joins r2 (5s)
            l.pipeInput("k", "late", 2_000L);   // stream time 30s > 2s + 10s + 5s: dropped
            assertThat(withTimestamps(driver.createOutputTopic("out", D, D)))
                    .containsExactly("k=l1+r1@5000", "k=l2+r2@30000");
        }
    }

    @Test
    void shouldEmitLeftJoinNonMatchesOnlyWhenTheWindowCloses() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> left = builder.stream("left");
        KStream<String, String> right = builder.stream("right");
        left.leftJoin(right, (l, r) -> l + "+" + r,
                JoinWindows.ofTimeDifferenceAndGrace(Duration.ofSeconds(10), Duration.ofSeconds(5))).to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> l = driver.createInputTopic("left", S, S);
            TestInputTopic<String, String> r = driver.createInputTopic("right", S, S);
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", D, D);
            l.pipeInput("a", "l1", 1_000L);
            l.pipeInput("b", "l2", 2_000L);
            r.pipeInput("b", "r2", 8_000L);              // b matches; a waits
            assertThat(withTimestamps(out)).containsExactly("b=l2+r2@8000");
            r.pipeInput("x", "tick", 16_000L);           // 16s = 1s + 10s + 5s: a's window not yet closed
            assertThat(out.isEmpty()).isTrue();
            r.pipeInput("x", "tick", 16_001L);           // now closed: a is emitted with null
            assertThat(withTimestamps(out)).containsExactly("a=l1+null@1000");
        }
    }

    @Test
    void shouldOuterJoinStreamsEmittingUnmatchedRecordsOfBothSides() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> left = builder.stream("left");
        KStream<String, String> right = builder.stream("right");
        left.outerJoin(right, (k, l, r) -> k + ":" + l + "+" + r,
                JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofSeconds(1)),
                StreamJoined.<String, String, String>as("outer-join").withName("oj")).to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 2)) {
            TestInputTopic<String, String> l = driver.createInputTopic("left", S, S);
            TestInputTopic<String, String> r = driver.createInputTopic("right", S, S);
            l.pipeInput("a", "la", 1_000L);
            r.pipeInput("b", "rb", 1_500L);
            l.pipeInput("c", "lc", 2_000L);
            r.pipeInput("c", "rc", 2_500L);
            l.pipeInput("a", "tick", 10_000L);
            r.pipeInput("b", "tick", 10_000L);
            assertThat(driver.createOutputTopic("out", D, D).readValuesToList()).contains(
                    "a:la+null", "b:null+rb", "c:lc+rc");
            assertThat(driver.getAllStateStores()).containsKeys("outer-join-this-join-store",
                    "outer-join-other-join-store", "outer-join-outer-shared-join-store");
        }
    }

    @Test
    void shouldJoinTablesInnerLeftAndOuter() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> l = builder.table("l");
        KTable<String, String> r = builder.table("r");
        l.join(r, (a, b) -> a + "+" + b, Materialized.as("inner")).toStream().to("inner");
        l.leftJoin(r, (a, b) -> a + "+" + b, Materialized.as("left"));
        l.outerJoin(r, (a, b) -> a + "+" + b, Materialized.as("outer"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            TestInputTopic<String, String> left = driver.createInputTopic("l", S, S);
            TestInputTopic<String, String> right = driver.createInputTopic("r", S, S);
            left.pipeInput("k", "a", 1L);
            right.pipeInput("k", "b", 5L);
            right.pipeInput("j", "only-right", 6L);
            left.pipeInput("i", "only-left", 7L);
            left.pipeInput("k", "a2", 3L);
            List<TestRecord<String, String>> inner = driver.createOutputTopic("inner", D, D).readRecordsToList();
            assertThat(inner).extracting(rec -> rec.value() + "@" + rec.timestamp())
                    .containsExactly("a+b@5", "a2+b@5");
            KeyValueStore<String, String> leftStore = driver.getKeyValueStore("left");
            assertThat(leftStore.get("k")).isEqualTo("a2+b");
            assertThat(leftStore.get("i")).isEqualTo("only-left+null");
            assertThat(leftStore.get("j")).isNull();
            KeyValueStore<String, String> outer = driver.getKeyValueStore("outer");
            assertThat(outer.get("j")).isEqualTo("null+only-right");
            assertThat(outer.get("i")).isEqualTo("only-left+null");
            right.pipeInput("k", (String) null, 9L);
            assertThat(driver.createOutputTopic("inner", D, D).readKeyValuesToList())
                    .containsExactly(KeyValue.pair("k", null));
            assertThat(leftStore.get("k")).isEqualTo("a2+null");
        }
    }

    @Test
    void shouldJoinTablesOnAForeignKeyAcrossPartitions() {
        StreamsBuilder builder = new StreamsBuilder();
        // orders: orderId -> "customerId,item"; customers: customerId -> name
        KTable<String, String> orders = builder.table("orders");
        KTable<String, String> customers = builder.table("customers");
        orders.join(customers, v -> v.split(",")[0], (order, name) -> name + " bought " + order.split(",")[1],
                        TableJoined.as("order-customer"), Materialized.as("inner-fk"))
                .toStream().to("inner");
        orders.leftJoin(customers, v -> v.split(",")[0].isEmpty() ? null : v.split(",")[0],
                (order, name) -> name + "/" + order, null, Materialized.as("left-fk"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            TestInputTopic<String, String> o = driver.createInputTopic("orders", S, S);
            TestInputTopic<String, String> c = driver.createInputTopic("customers", S, S);
            c.pipeInput("c1", "Ann", 1L);
            o.pipeInput("o1", "c1,book", 2L);
            o.pipeInput("o2", "c2,pen", 3L);
            o.pipeInput("o3", ",cup", 4L);
            c.pipeInput("c2", "Bo", 5L);             // right update reaches o2
            c.pipeInput("c1", "Anne", 6L);           // right update reaches o1
            o.pipeInput("o1", "c2,book", 7L);        // moves to c2
            o.pipeInput("o2", (String) null, 8L);     // deleted
            Map<String, String> inner = driver.createOutputTopic("inner", D, D).readKeyValuesToMap();
            assertThat(inner).containsEntry("o1", "Bo bought book").containsEntry("o2", null)
                    .doesNotContainKey("o3");
            KeyValueStore<String, String> innerStore = driver.getKeyValueStore("inner-fk");
            assertThat(innerStore.get("o1")).isEqualTo("Bo bought book");
            assertThat(innerStore.get("o2")).isNull();
            KeyValueStore<String, String> leftStore = driver.getKeyValueStore("left-fk");
            assertThat(leftStore.get("o3")).isEqualTo("null/,cup");
            assertThat(leftStore.get("o1")).isEqualTo("Bo/c2,book");
            c.pipeInput("c2", (String) null, 9L);    // customer deleted: inner row goes, left row keeps null
            assertThat(innerStore.get("o1")).isNull();
            assertThat(leftStore.get("o1")).isEqualTo("null/c2,book");
        }
    }

    @Test
    void shouldRepartitionBothSidesOfAStreamJoinAfterKeyChanges() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> clicks = builder.<String, String>stream("clicks").selectKey((k, v) -> v);
        KStream<String, String> views = builder.<String, String>stream("views").map((k, v) -> KeyValue.pair(v, k));
        clicks.join(views, (c, v) -> c + "/" + v, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMinutes(1)),
                StreamJoined.<String, String, String>with(null, null, null).withName("click-view")).to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            driver.createInputTopic("clicks", S, S).pipeInput("c1", "page-1", 1_000L);
            driver.createInputTopic("views", S, S).pipeInput("user-9", "page-1", 2_000L);
            assertThat(driver.createOutputTopic("out", D, D).readKeyValuesToList())
                    .containsExactly(KeyValue.pair("page-1", "page-1/user-9"));
            assertThat(builder.build().describe().toString()).contains("click-view-left-repartition",
                    "click-view-right-repartition");
        }
    }
}
