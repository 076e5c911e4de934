package io.runnel.streams.processor.internals;

import io.runnel.common.TopicPartition;
import io.runnel.common.utils.MockTime;
import io.runnel.streams.errors.LockException;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.state.internals.OffsetCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateDirectoryTest {

    @TempDir
    File root;

    @Test
    void shouldKeepTheProcessIdAcrossRestartsAndLockOutASecondInstance() {
        UUID id;
        try (StateDirectory first = new StateDirectory(root, "app", new MockTime())) {
            first.lockApplicationDir();
            id = first.processId();
            StateDirectory second = new StateDirectory(root, "app", new MockTime());
            assertThatThrownBy(second::lockApplicationDir).isInstanceOf(LockException.class)
                    .hasMessageContaining(new File(root, "app").getPath());
        }
        try (StateDirectory again = new StateDirectory(root, "app", new MockTime())) {
            again.lockApplicationDir();
            assertThat(again.processId()).isEqualTo(id);
        }
    }

    @Test
    void shouldLetOneThreadOwnATaskDirectoryAtATime() throws Exception {
        try (StateDirectory dir = new StateDirectory(root, "app", new MockTime())) {
            TaskId task = new TaskId(0, 1);
            assertThat(dir.lock(task)).isTrue();
            AtomicBoolean other = new AtomicBoolean(true);
            Thread t = new Thread(() -> other.set(dir.lock(task)));
            t.start();
            t.join();
            assertThat(other.get()).isFalse();
            dir.unlock(task);
            Thread t2 = new Thread(() -> other.set(dir.lock(task)));
            t2.start();
            t2.join();
            assertThat(other.get()).isTrue();
        }
    }

    @Test
    void shouldSumCheckpointedOffsetsPerTaskAndCleanObsoleteTaskDirectories() {
        MockTime time = new MockTime();
        try (StateDirectory dir = new StateDirectory(root, "app", time)) {
            dir.lockApplicationDir();
            File t01 = dir.taskDir(new TaskId(0, 1));
            new OffsetCheckpoint(new File(t01, ".checkpoint")).write(Map.of(new TopicPartition("a", 1), 9L,
                    new TopicPartition("b", 1), 19L));
            File t10 = dir.taskDir(new TaskId(1, 0));
            assertThat(dir.taskOffsetSums()).containsExactly(Map.entry(new TaskId(0, 1), 30L));
            time.setCurrentTimeMs(t10.lastModified() + 10_000);
            dir.cleanRemovedTasks(5_000, Set.of(new TaskId(0, 1)));
            assertThat(t10).doesNotExist();
            assertThat(t01).exists();
            dir.clean();
            assertThat(t01).doesNotExist();
        }
    }
}
