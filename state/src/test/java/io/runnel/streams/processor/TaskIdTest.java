package io.runnel.streams.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskIdTest {

    @Test
    void shouldPrintAndParseSubtopologyUnderscorePartition() {
        TaskId id = new TaskId(3, 12);
        assertThat(id.toString()).isEqualTo("3_12");
        assertThat(TaskId.parse("3_12")).isEqualTo(id);
        assertThat(TaskId.parse("0_0")).isLessThan(TaskId.parse("0_1")).isLessThan(TaskId.parse("1_0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "_1", "1_", "1_2_3", "a_1", "1_-2", "-1_2", "1 _2", "99999999999_1"})
    void shouldRejectMalformedText(String text) {
        assertThatThrownBy(() -> TaskId.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<subtopology>_<partition>");
    }

    @Test
    void shouldRejectNullAndNegativeNumbers() {
        assertThatThrownBy(() -> TaskId.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskId(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1_0");
    }
}
