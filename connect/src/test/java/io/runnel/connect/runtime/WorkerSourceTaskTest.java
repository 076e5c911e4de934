package io.runnel.connect.runtime;

import io.runnel.clients.producer.RecordMetadata;
import io.runnel.connect.test.ConnectorTestDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Source task behaviour, driven step by step through the connector test driver. */
class WorkerSourceTaskTest {

    @BeforeEach
    void clear() {
        CountingSourceConnector.COMMITTED.clear();
    }

    @Test
    void shouldCallCommitRecordWithWhereTheLogWroteEachRecordAndNullForDroppedOnes() {
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .connector(Map.of("connector.class", "CountingSource", "topic", "numbers", "batch", "4",
                        "transforms", "odd", "transforms.odd.type", "Filter", "transforms.odd.predicate", "isOdd",
                        "predicates", "isOdd", "predicates.isOdd.type", "HasHeaderKey",
                        "predicates.isOdd.name", "never-there"))
                .build()) {
            assertThat(driver.pollSource()).hasSize(4);
            assertThat(CountingSourceConnector.COMMITTED).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
            assertThat(CountingSourceConnector.COMMITTED).extracting(Map.Entry::getValue)
                    .extracting(RecordMetadata::offset).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
            assertThat(CountingSourceConnector.COMMITTED).extracting(Map.Entry::getValue)
                    .extracting(RecordMetadata::topic).containsOnly("numbers");
        }
    }

    @Test
    void shouldPassNullMetadataForRecordsATransformationDrops() {
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .connector(Map.of("connector.class", "CountingSource", "topic", "numbers", "batch", "2",
                        "transforms", "drop", "transforms.drop.type", "Filter"))
                .build()) {
            driver.pollSource();
            assertThat(CountingSourceConnector.COMMITTED).hasSize(2).allSatisfy(e -> assertThat(e.getValue()).isNull());
            assertThat(driver.readTopicRaw("numbers")).isEmpty();
            driver.commit();
            assertThat(driver.sourceOffset(Map.of("counter", "c"))).as("dropped records still move the offset")
                    .isEqualTo(Map.of("n", 1L));
            assertThat(driver.sourceProgress().dropped()).isEqualTo(2);
        }
    }

    @Test
    void shouldStoreOffsetsWhenTheFlushIntervalPassesOnTheMockClock() {
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(Map.of("offset.flush.interval.ms", "1000"))
                .connector(Map.of("connector.class", "CountingSource", "topic", "numbers"))
                .build()) {
            driver.pollSource();
            driver.advance(java.time.Duration.ofMillis(999));
            driver.pollSource();
            assertThat(driver.sourceOffset(Map.of("counter", "c"))).isNull();
            driver.advance(java.time.Duration.ofMillis(1));
            driver.pollSource();
            assertThat(driver.sourceOffset(Map.of("counter", "c"))).as("the first two polls' records")
                    .isEqualTo(Map.of("n", 5L));
            assertThat(driver.readTopic("numbers")).extracting(r -> r.value())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }
}
