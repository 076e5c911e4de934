package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.record.TimestampType;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.streams.errors.LogAndContinueExceptionHandler;
import io.runnel.streams.errors.LogAndFailExceptionHandler;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.FailOnInvalidTimestamp;
import io.runnel.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionGroupTest {

    private static final TopicPartition LEFT = new TopicPartition("left", 0);
    private static final TopicPartition RIGHT = new TopicPartition("right", 0);
    private final Map<TopicPartition, OptionalLong> lags = new HashMap<>();

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, long timestamp) {
        byte[] value = ("v" + offset).getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, timestamp, TimestampType.CREATE_TIME, 0,
                value.length, null, value, new RecordHeaders(), java.util.Optional.empty());
    }

    private PartitionGroup group(long maxTaskIdleMs, io.runnel.streams.errors.DeserializationExceptionHandler h) {
        SourceNode<String, String> source = new SourceNode<>("S", null, new StringDeserializer(),
                new StringDeserializer());
        Map<TopicPartition, RecordQueue> queues = new LinkedHashMap<>();
        queues.put(LEFT, new RecordQueue(LEFT, source, new FailOnInvalidTimestamp(), h, new TaskId(0, 0)));
        queues.put(RIGHT, new RecordQueue(RIGHT, source, new FailOnInvalidTimestamp(), h, new TaskId(0, 0)));
        return new PartitionGroup(queues, tp -> lags.getOrDefault(tp, OptionalLong.empty()), maxTaskIdleMs);
    }

    @Test
    void shouldTakeTheRecordWithTheLowestTimestampAcrossPartitions() {
        PartitionGroup group = group(0, new LogAndFailExceptionHandler());
        group.addRawRecords(LEFT, List.of(record(LEFT, 0, 10), record(LEFT, 1, 30)));
        group.addRawRecords(RIGHT, List.of(record(RIGHT, 0, 20), record(RIGHT, 1, 25)));
        assertThat(group.readyToProcess(0)).isTrue();
        StringBuilder order = new StringBuilder();
        StampedRecord r;
        while ((r = group.nextRecord()) != null) {
            order.append(r.topic()).append(r.timestamp()).append(' ');
        }
        assertThat(order.toString()).isEqualTo("left10 right20 right25 left30 ");
        assertThat(group.streamTime()).isEqualTo(30L);
        assertThat(group.numBuffered()).isZero();
    }

    @Test
    void shouldWaitForAnEmptyPartitionWithUnknownOrPositiveLagAndMaxTaskIdleForACaughtUpOne() {
        PartitionGroup group = group(100, new LogAndFailExceptionHandler());
        group.addRawRecords(LEFT, List.of(record(LEFT, 0, 10)));
        assertThat(group.readyToProcess(1_000)).isFalse();
        lags.put(RIGHT, OptionalLong.of(3));
        assertThat(group.readyToProcess(1_000)).isFalse();
        lags.put(RIGHT, OptionalLong.of(0));
        assertThat(group.readyToProcess(1_000)).isFalse();
        assertThat(group.readyToProcess(1_099)).isFalse();
        assertThat(group.readyToProcess(1_100)).isTrue();
        assertThat(group.enforcedProcessingCount()).isEqualTo(1);
    }

    @Test
    void shouldPublishTheNextTimestampOrTheStreamTimeWhileRecordsAreToComeForTimeAlignment() {
        PartitionGroup group = group(0, new LogAndFailExceptionHandler());
        assertThat(group.headTimestamp()).as("no fetch answered yet: records may come").isEqualTo(-1L);
        lags.put(LEFT, OptionalLong.of(0));
        lags.put(RIGHT, OptionalLong.of(0));
        assertThat(group.headTimestamp()).as("caught up: holds nobody back").isEqualTo(Long.MAX_VALUE);

        group.addRawRecords(LEFT, List.of(record(LEFT, 0, 10), record(LEFT, 1, 30)));
        group.addRawRecords(RIGHT, List.of(record(RIGHT, 0, 20)));
        assertThat(group.headTimestamp()).isEqualTo(10L);
        group.nextRecord();
        assertThat(group.headTimestamp()).isEqualTo(20L);
        group.nextRecord();
        group.nextRecord();
        assertThat(group.streamTime()).isEqualTo(30L);
        assertThat(group.headTimestamp()).isEqualTo(Long.MAX_VALUE);
        lags.put(RIGHT, OptionalLong.of(5));
        assertThat(group.headTimestamp()).as("more in the log: the task is at its stream time").isEqualTo(30L);
    }

    @Test
    void shouldNeverWaitWhenMaxTaskIdleIsMinusOne() {
        PartitionGroup group = group(-1, new LogAndFailExceptionHandler());
        group.addRawRecords(LEFT, List.of(record(LEFT, 0, 10)));
        assertThat(group.readyToProcess(0)).isTrue();
    }

    @Test
    void shouldSkipUndeserializableRecordsOnContinueAndFailOtherwise() {
        SourceNode<Integer, Integer> ints = new SourceNode<>("S", null,
                new io.runnel.common.serialization.IntegerDeserializer(),
                new io.runnel.common.serialization.IntegerDeserializer());
        RecordQueue continuing = new RecordQueue(LEFT, ints, new FailOnInvalidTimestamp(),
                new LogAndContinueExceptionHandler(), new TaskId(0, 0));
        continuing.addRawRecords(List.of(record(LEFT, 0, 1)));
        assertThat(continuing.isEmpty()).isTrue();
        assertThat(continuing.droppedRecords()).isEqualTo(1);
        assertThat(continuing.consumedUpTo()).isEqualTo(1);

        RecordQueue failing = new RecordQueue(LEFT, ints, new FailOnInvalidTimestamp(),
                new LogAndFailExceptionHandler(), new TaskId(0, 3));
        assertThatThrownBy(() -> failing.addRawRecords(List.of(record(LEFT, 7, 1))))
                .isInstanceOf(StreamsException.class)
                .hasMessageContaining("left-0@7 in task 0_3 (source S)");
    }

    @Test
    void shouldFailOnNegativeTimestampsWithTheDefaultExtractor() {
        PartitionGroup group = group(0, new LogAndFailExceptionHandler());
        assertThatThrownBy(() -> group.addRawRecords(LEFT, List.of(record(LEFT, 4, -1))))
                .isInstanceOf(StreamsException.class)
                .hasMessageContaining("left-0@4 has invalid (negative) timestamp -1");
    }

    @Test
    void shouldEncodePartitionTimeInOffsetMetadataAsKafkaDoes() {
        String encoded = StreamTask.encodePartitionTime(1_234_567L);
        assertThat(encoded).isEqualTo("AQAAAAAAEtaH");
        assertThat(StreamTask.decodePartitionTime(encoded)).isEqualTo(1_234_567L);
        assertThat(StreamTask.decodePartitionTime("")).isEqualTo(-1L);
        assertThat(StreamTask.decodePartitionTime("not base64!")).isEqualTo(-1L);
    }
}
