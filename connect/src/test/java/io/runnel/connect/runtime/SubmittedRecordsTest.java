package io.runnel.connect.runtime;

import io.runnel.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubmittedRecordsTest {

    private static SourceRecord record(String partition, long offset) {
        return new SourceRecord(Map.of("p", partition), Map.of("o", offset), "t", null, null);
    }

    @Test
    void shouldCommitOnlyTheAcknowledgedPrefixOfEachSourcePartition() {
        SubmittedRecords submitted = new SubmittedRecords();
        SubmittedRecords.Submitted a0 = submitted.submit(record("a", 0));
        SubmittedRecords.Submitted a1 = submitted.submit(record("a", 1));
        SubmittedRecords.Submitted a2 = submitted.submit(record("a", 2));
        SubmittedRecords.Submitted b0 = submitted.submit(record("b", 0));
        assertThat(submitted.pending()).isEqualTo(4);

        a1.ack();
        b0.ack();
        assertThat(submitted.committableOffsets()).as("a0 still in flight holds back a1")
                .isEqualTo(Map.of(Map.of("p", "b"), Map.of("o", 0L)));

        a0.ack();
        assertThat(submitted.committableOffsets()).isEqualTo(Map.of(Map.of("p", "a"), Map.of("o", 1L)));
        assertThat(submitted.committableOffsets()).isEmpty();

        a2.ack();
        a2.ack();
        assertThat(submitted.pending()).isZero();
        assertThat(submitted.committableOffsets()).isEqualTo(Map.of(Map.of("p", "a"), Map.of("o", 2L)));
    }

    @Test
    void shouldCountRecordsWithoutASourcePartitionButNeverCommitThem() {
        SubmittedRecords submitted = new SubmittedRecords();
        SubmittedRecords.Submitted r = submitted.submit(new SourceRecord(null, null, "t", null, "v"));
        assertThat(submitted.pending()).isEqualTo(1);
        r.ack();
        assertThat(submitted.pending()).isZero();
        assertThat(submitted.committableOffsets()).isEmpty();
    }
}
