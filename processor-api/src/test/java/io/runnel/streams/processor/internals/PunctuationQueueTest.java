package io.runnel.streams.processor.internals;

import io.runnel.streams.processor.Cancellable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PunctuationQueueTest {

    private final PunctuationQueue queue = new PunctuationQueue();
    private final List<String> fired = new ArrayList<>();

    private void fire(long now) {
        queue.maybePunctuate(now, (node, t, p) -> p.punctuate(t));
    }

    @Test
    void shouldFireOnItsGridOnceWhenSeveralIntervalsWereMissed() {
        queue.schedule(null, 0L, 10L, t -> fired.add("a@" + t));
        fire(0);
        fire(5);
        fire(10);
        fire(47);
        fire(49);
        fire(50);
        assertThat(fired).containsExactly("a@0", "a@10", "a@47", "a@50");
        assertThat(queue.nextDueTime()).isEqualTo(60L);
    }

    @Test
    void shouldFireSchedulesDueAtTheSameTimeInCreationOrderAndStopCancelledOnes() {
        Cancellable b = queue.schedule(null, 100L, 100L, t -> fired.add("b@" + t));
        queue.schedule(null, 100L, 50L, t -> fired.add("c@" + t));
        fire(100);
        b.cancel();
        fire(200);
        assertThat(fired).containsExactly("b@100", "c@100", "c@200");
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void shouldLetAPunctuatorCancelItself() {
        Cancellable[] self = new Cancellable[1];
        self[0] = queue.schedule(null, 0L, 1L, t -> {
            fired.add("x@" + t);
            self[0].cancel();
        });
        fire(0);
        fire(1);
        assertThat(fired).containsExactly("x@0");
        assertThat(queue.nextDueTime()).isEqualTo(Long.MAX_VALUE);
    }
}
