package io.runnel.streams;

import io.runnel.common.config.ConfigException;
import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.streams.errors.LogAndFailExceptionHandler;
import io.runnel.streams.processor.FailOnInvalidTimestamp;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamsConfigTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "file:///tmp/log");
        return props;
    }

    @Test
    void shouldUseKafkasDefaults() {
        StreamsConfig config = new StreamsConfig(minimal());
        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(1);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30_000L);
        assertThat(config.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isZero();
        assertThat(config.getInt(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG)).isEqualTo(1000);
        assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(10L * 1024 * 1024);
        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
        assertThat(config.defaultTimestampExtractor()).isInstanceOf(FailOnInvalidTimestamp.class);
        assertThat(config.deserializationExceptionHandler()).isInstanceOf(LogAndFailExceptionHandler.class);
    }

    @Test
    void shouldRequireTheApplicationIdAndRejectIllegalOnes() {
        Map<String, Object> props = minimal();
        props.remove(StreamsConfig.APPLICATION_ID_CONFIG);
        assertThatThrownBy(() -> new StreamsConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("application.id");
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "has space");
        assertThatThrownBy(() -> new StreamsConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("application.id='has space' is invalid");
    }

    @Test
    void shouldRefuseExactlyOnceReplicationAndStandbysWithAClearMessage() {
        Map<String, Object> props = minimal();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        assertThatThrownBy(() -> new StreamsConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("processing.guarantee=exactly_once_v2 is not supported by Runnel yet")
                .hasMessageContaining("replication.factor=3 is not supported")
                .hasMessageContaining("num.standby.replicas=1 is not supported");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        assertThat(new StreamsConfig(props).getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(1);
    }

    @Test
    void shouldLayerPrefixedClientSettings() {
        Map<String, Object> props = minimal();
        props.put("max.poll.interval.ms", 1000);
        props.put(StreamsConfig.consumerPrefix("max.poll.interval.ms"), 2000);
        props.put(StreamsConfig.mainConsumerPrefix("max.poll.interval.ms"), 3000);
        props.put(StreamsConfig.restoreConsumerPrefix("fetch.max.bytes"), 1234);
        props.put(StreamsConfig.globalConsumerPrefix("fetch.max.bytes"), 4321);
        props.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        props.put(StreamsConfig.adminClientPrefix("retries"), 7);
        props.put(StreamsConfig.topicPrefix("segment.bytes"), "1048576");
        StreamsConfig config = new StreamsConfig(props);
        Map<String, Object> main = config.getMainConsumerConfigs("app", "c");
        assertThat(main).containsEntry("max.poll.interval.ms", 3000).containsEntry("group.id", "app")
                .containsEntry("enable.auto.commit", false).containsEntry("auto.offset.reset", "earliest")
                .containsEntry("key.deserializer", ByteArrayDeserializer.class);
        assertThat(config.getRestoreConsumerConfigs("r")).containsEntry("max.poll.interval.ms", 2000)
                .containsEntry("fetch.max.bytes", 1234).doesNotContainKey("group.id")
                .containsEntry("auto.offset.reset", "none");
        assertThat(config.getGlobalConsumerConfigs("g")).containsEntry("fetch.max.bytes", 4321);
        assertThat(config.getProducerConfigs("p")).containsEntry("linger.ms", 5)
                .containsEntry("bootstrap.servers", "file:///tmp/log");
        assertThat(config.getAdminConfigs("a")).containsEntry("retries", 7);
        assertThat(config.internalTopicConfigs()).containsEntry("segment.bytes", "1048576");
    }

    @Test
    void shouldRejectKafkaSettingsRunnelDoesNotSupport() {
        Map<String, Object> props = minimal();
        props.put("application.server", "localhost:8080");
        props.put("cache.max.bytes.buffering", 100);
        assertThatThrownBy(() -> new StreamsConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("application.server is not supported by Runnel: interactive queries are local")
                .hasMessageContaining("use statestore.cache.max.bytes");
    }

    @Test
    void shouldIncludeTheStateStoreSettings() {
        Map<String, Object> props = minimal();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, -1);
        assertThatThrownBy(() -> new StreamsConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("statestore.cache.max.bytes");
        assertThat(StreamsConfig.configDef().names()).contains("rocksdb.memory.max.bytes", "rocksdb.config.setter");
    }
}
