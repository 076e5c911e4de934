package io.runnel.samples.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.samples.clients.TestLog;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.errors.TopologyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Streams samples on a throwaway embedded log with 3-partition topics and real stream threads. */
class StreamsSamplesIT {

    @TempDir
    Path dir;

    private TestLog log;
    private Path stateDir;

    @BeforeEach
    void openLog() {
        log = new TestLog(dir.resolve("log"));
        stateDir = dir.resolve("state");
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static List<KeyValue<String, String>> manyRecords(int n) {
        List<KeyValue<String, String>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(KeyValue.pair("key-" + i, i % 3 == 0 ? "short" : "long value " + i));
        }
        return records;
    }

    @Test
    void streamCopyDemoShouldCopyEveryRecord() {
        List<ConsumerRecord<String, String>> copies = StreamCopy.runDemo(log.bootstrapServers(), stateDir);

        assertThat(copies).extracting(r -> KeyValue.pair(r.key(), r.value()))
                .containsExactlyInAnyOrderElementsOf(StreamCopy.DEMO_INPUT);
    }

    @Test
    void streamCopyShouldKeepKeysValuesTimestampsAndPartitionsOnThreePartitions() {
        log.createTopic(StreamCopy.STREAM_LOG, 3);
        log.createTopic(StreamCopy.STREAM_LOG_COPY, 3);
        StreamsSampleSupport.produce(log.bootstrapServers(), StreamCopy.STREAM_LOG, manyRecords(300), 42_000L);
        List<ConsumerRecord<String, String>> input = log.readAll(StreamCopy.STREAM_LOG);
        assertThat(input).extracting(ConsumerRecord::partition).contains(0, 1, 2);

        List<ConsumerRecord<String, String>> copies = StreamsSampleSupport.runUntilCaughtUp(StreamCopy.topology(),
                StreamCopy.config(log.bootstrapServers(), stateDir), StreamCopy.STREAM_LOG_COPY, Map.of());

        assertThat(copies).hasSize(300).allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(42_000L));
        Map<String, String> inputByKey = input.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> r.partition() + ":" + r.value()));
        Map<String, String> copyByKey = copies.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> r.partition() + ":" + r.value()));
        assertThat(copyByKey).isEqualTo(inputByKey);
    }

    @Test
    void streamFilterShouldKeepOnlyValuesLongerThanFiveCharacters() {
        List<ConsumerRecord<String, String>> out = StreamFilter.runDemo(log.bootstrapServers(), stateDir);

        assertThat(values(out)).containsExactlyInAnyOrder("streams", "connect", "runnel", "stream processing");
        assertThat(log.readAll(StreamFilter.STREAM_LOG_FILTER)).hasSize(4);
    }

    @Test
    void tableJoinDemoShouldShipEveryOrderWhoseCustomerHasAnAddress() {
        List<ConsumerRecord<String, String>> out = OrdersAddressTableJoin.runDemo(log.bootstrapServers(), stateDir);

        assertThat(out).extracting(r -> KeyValue.pair(r.key(), r.value())).containsExactlyInAnyOrder(
                KeyValue.pair("wonyoung", "iPhone send to Seoul"),
                KeyValue.pair("somin", "Galaxy send to Newyork"),
                KeyValue.pair("jiyoung", "Tesla send to Busan"));
    }

    @Test
    void tableJoinShouldUseTheLatestAddressAfterARestartWithRestoredState() {
        OrdersAddressTableJoin.runDemo(log.bootstrapServers(), stateDir);
        // the customer moves; the application is stopped meanwhile and resumes from its committed offsets
        long now = System.currentTimeMillis();
        StreamsSampleSupport.produce(log.bootstrapServers(), OrdersAddressTableJoin.ADDRESS_TABLE,
                List.of(KeyValue.pair("wonyoung", "Jeju")), now);
        StreamsSampleSupport.produce(log.bootstrapServers(), OrdersAddressTableJoin.ORDER_STREAM,
                List.of(KeyValue.pair("wonyoung", "iPad"), KeyValue.pair("somin", "Pixel")), now + 1000);
        Map<TopicPartition, Long> before = SampleSupport.endOffsets(log.bootstrapServers(),
                OrdersAddressTableJoin.ORDER_JOIN_STREAM);

        List<ConsumerRecord<String, String>> out = StreamsSampleSupport.runUntilCaughtUp(
                OrdersAddressTableJoin.topology(), OrdersAddressTableJoin.config(log.bootstrapServers(), stateDir),
                OrdersAddressTableJoin.ORDER_JOIN_STREAM, before);

        assertThat(values(out)).containsExactlyInAnyOrder("iPad send to Jeju", "Pixel send to Newyork");
        assertThat(log.readAll(OrdersAddressTableJoin.ORDER_JOIN_STREAM)).hasSize(5); // nothing joined twice
    }

    @Test
    void tableJoinShouldRefuseToStartOnInputsThatAreNotCoPartitioned() {
        log.createTopic(OrdersAddressTableJoin.ADDRESS_TABLE, 2);
        log.createTopic(OrdersAddressTableJoin.ORDER_STREAM, 3);
        log.createTopic(OrdersAddressTableJoin.ORDER_JOIN_STREAM, 3);
        try (RunnelStreams streams = new RunnelStreams(OrdersAddressTableJoin.topology(),
                OrdersAddressTableJoin.config(log.bootstrapServers(), stateDir))) {
            assertThatThrownBy(streams::start).isInstanceOf(TopologyException.class)
                    .hasMessageContaining("not co-partitioned")
                    .hasMessageContaining(OrdersAddressTableJoin.ADDRESS_TABLE);
            assertThat(streams.state()).isEqualTo(RunnelStreams.State.ERROR);
        }
    }

    @Test
    void globalTableJoinShouldJoinOrdersWithAddressesOfAnotherPartitionCount() {
        List<ConsumerRecord<String, String>> out = OrdersAddressGlobalTableJoin.runDemo(log.bootstrapServers(),
                stateDir);

        assertThat(values(out)).containsExactlyInAnyOrder(
                "iPhone send to Seoul", "Galaxy send to Newyork", "Tesla send to Busan");
        Map<String, Integer> partitions = new HashMap<>();
        for (String topic : List.of(OrdersAddressGlobalTableJoin.ADDRESS_GLOBAL_TABLE,
                OrdersAddressTableJoin.ORDER_STREAM)) {
            partitions.put(topic, SampleSupport.endOffsets(log.bootstrapServers(), topic).size());
        }
        assertThat(partitions).containsEntry("address_v2", 2).containsEntry("order", 3);
    }

    @Test
    void processorApiTopologyShouldFilterLikeTheDsl() {
        String description = FilterProcessorTopology.topology().describe().toString();
        assertThat(description).contains("Source: Source (topics: [stream_log])", "Processor: Process",
                "Sink: Sink (topic: stream_log_filter)");

        log.createTopic(StreamCopy.STREAM_LOG, 3);
        log.createTopic(StreamFilter.STREAM_LOG_FILTER, 3);
        List<KeyValue<String, String>> input = manyRecords(300);
        StreamsSampleSupport.produce(log.bootstrapServers(), StreamCopy.STREAM_LOG, input, 1_000L);
        List<ConsumerRecord<String, String>> out = StreamsSampleSupport.runUntilCaughtUp(
                FilterProcessorTopology.topology(), FilterProcessorTopology.config(log.bootstrapServers(), stateDir),
                StreamFilter.STREAM_LOG_FILTER, Map.of());

        assertThat(values(out)).containsExactlyInAnyOrderElementsOf(input.stream().map(kv -> kv.value)
                .filter(v -> v.length() > 5).toList());
    }

    @Test
    void demosSharingAnInputTopicShouldEachReportAllTheOutputOfTheirRun() {
        StreamCopy.runDemo(log.bootstrapServers(), stateDir);  // writes the demo input once

        // a new application reads stream_log from the beginning: both copies of the demo input pass the filter
        List<String> firstRun = values(StreamFilter.runDemo(log.bootstrapServers(), stateDir));
        assertThat(firstRun).hasSize(8);
        // run again: it resumes from its committed offsets, so only this run's input is filtered
        assertThat(values(StreamFilter.runDemo(log.bootstrapServers(), stateDir)))
                .containsExactlyInAnyOrder("streams", "connect", "runnel", "stream processing");
    }

    @Test
    void processorApiDemoShouldPrintTheSameValuesAsTheDslDemo() {
        assertThat(values(FilterProcessorTopology.runDemo(log.bootstrapServers(), stateDir)))
                .containsExactlyInAnyOrder("streams", "connect", "runnel", "stream processing");
    }
}
