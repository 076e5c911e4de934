package io.runnel.connect.runtime;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.source.SourceConnector;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A test source whose poll blocks until interrupted and ignores stop(): a task that does not stop in time. */
public class StuckSourceConnector extends SourceConnector {

    /** Polls that started. */
    public static final AtomicInteger POLLS = new AtomicInteger();
    /** Polls that ended by interruption (the worker cancelled the task). */
    public static final AtomicInteger INTERRUPTED = new AtomicInteger();

    private Map<String, String> props;

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return StuckTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    /** The task. */
    public static class StuckTask extends SourceTask {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            POLLS.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                INTERRUPTED.incrementAndGet();
                throw e;
            }
            return null;
        }

        @Override
        public void stop() {
            // Deliberately ignores the stop request.
        }
    }
}
