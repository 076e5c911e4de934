package io.runnel.streams.processor.internals.assignment;

import io.runnel.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserDataTest {

    @Test
    void shouldRoundTripTheSubscription() {
        SubscriptionInfo info = new SubscriptionInfo(UUID.randomUUID(), true,
                Map.of(new TaskId(0, 1), 42L, new TaskId(1, 0), SubscriptionInfo.LATEST_OFFSET),
                Set.of(new TaskId(1, 0)));
        assertThat(SubscriptionInfo.decode(info.encode())).isEqualTo(info);
    }

    @Test
    void shouldRoundTripTheAssignment() {
        AssignmentInfo info = new AssignmentInfo(AssignmentInfo.NONE, Set.of(new TaskId(0, 0), new TaskId(2, 7)));
        assertThat(AssignmentInfo.decode(info.encode())).isEqualTo(info);
    }

    @Test
    void shouldRejectForeignOrTruncatedData() {
        assertThatThrownBy(() -> SubscriptionInfo.decode(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain consumer");
        assertThatThrownBy(() -> SubscriptionInfo.decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 9})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
        assertThatThrownBy(() -> AssignmentInfo.decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Malformed");
    }
}
