package io.runnel.samples.streams;

import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.TestInputTopic;
import io.runnel.streams.TestOutputTopic;
import io.runnel.streams.Topology;
import io.runnel.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** FilterProcessor and StreamFilter in the topology test driver: the same records pass both. */
class FilterProcessorTest {

    private static final List<KeyValue<String, String>> INPUT = List.of(
            KeyValue.pair("a", "12345"),        // exactly 5 characters: dropped
            KeyValue.pair("b", "123456"),       // 6: kept
            KeyValue.pair("c", ""),
            KeyValue.pair("d", "long enough"));

    @TempDir
    Path stateDir;

    private List<KeyValue<String, String>> filter(Topology topology, List<KeyValue<String, String>> input) {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology,
                StreamsSampleSupport.config("filter-test", "file:///unused", stateDir))) {
            TestInputTopic<String, String> in = driver.createInputTopic(StreamCopy.STREAM_LOG, new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic(StreamFilter.STREAM_LOG_FILTER,
                    new StringDeserializer(), new StringDeserializer());
            in.pipeKeyValueList(input);
            return out.readKeyValuesToList();
        }
    }

    @Test
    void filterProcessorShouldForwardOnlyValuesLongerThanFiveCharacters() {
        assertThat(filter(FilterProcessorTopology.topology(), INPUT))
                .containsExactly(KeyValue.pair("b", "123456"), KeyValue.pair("d", "long enough"));
    }

    @Test
    void filterProcessorShouldDropTombstones() {
        List<KeyValue<String, String>> input = new java.util.ArrayList<>(INPUT);
        input.add(0, KeyValue.pair("t", null));
        assertThat(filter(FilterProcessorTopology.topology(), input))
                .containsExactly(KeyValue.pair("b", "123456"), KeyValue.pair("d", "long enough"));
    }

    @Test
    void dslFilterShouldPassTheSameRecordsAsTheProcessor() {
        assertThat(filter(StreamFilter.topology(), INPUT)).isEqualTo(filter(FilterProcessorTopology.topology(), INPUT));
    }
}
