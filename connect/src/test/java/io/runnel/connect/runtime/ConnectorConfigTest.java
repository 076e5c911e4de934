package io.runnel.connect.runtime;

import io.runnel.common.config.ConfigException;
import io.runnel.common.utils.MockTime;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.header.ConnectHeaders;
import io.runnel.connect.json.JsonConverter;
import io.runnel.connect.runtime.errors.ErrorHandlingConfig;
import io.runnel.connect.runtime.errors.ProcessingContext;
import io.runnel.connect.runtime.errors.RetryWithToleranceOperator;
import io.runnel.connect.runtime.errors.ToleranceType;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.storage.SimpleHeaderConverter;
import io.runnel.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorConfigTest {

    private static final Plugins PLUGINS = new Plugins(List.of());

    private static Map<String, String> props(String... kv) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        return props;
    }

    private static Map<String, String> source(String... kv) {
        Map<String, String> props = props("name", "src", "connector.class", "FileStreamSource", "topic", "t");
        props.putAll(props(kv));
        return props;
    }

    private static List<String> problems(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void shouldParseAConnectorConfigurationWithKafkasNamesAndDefaults() {
        SourceConnectorConfig config = new SourceConnectorConfig(PLUGINS, source());

        assertThat(config.name()).isEqualTo("src");
        assertThat(config.tasksMax()).isEqualTo(1);
        assertThat(config.transformAliases()).isEmpty();
        assertThat(config.errorHandlingConfig()).isEqualTo(ErrorHandlingConfig.DEFAULTS);
        assertThat(PLUGINS.newConnector(config.connectorClass()).getClass().getSimpleName())
                .isEqualTo("FileStreamSourceConnector");
    }

    @Test
    void shouldReportEveryBadSettingAtOnce() {
        Map<String, String> props = props("connector.class", "FileStreamSource", "tasks.max", "0",
                "transforms", "a,b,a", "transforms.a.type", "NoSuchTransform",
                "transforms.b.type", "InsertField$Value", "transforms.b.predicate", "missing",
                "transforms.b.negate", "maybe",
                "predicates", "p", "predicates.p.type", "TopicNameMatches",
                "errors.tolerance", "some", "errors.retry.timeout", "-5", "key.converter", "NoSuchConverter");

        List<String> problems = problems(() -> new SourceConnectorConfig(PLUGINS, props));

        assertThat(problems).anyMatch(p -> p.contains("\"name\""))
                .anyMatch(p -> p.contains("tasks.max"))
                .anyMatch(p -> p.contains("alias 'a' more than once"))
                .anyMatch(p -> p.contains("transforms.a.type") && p.contains("NoSuchTransform"))
                .anyMatch(p -> p.contains("transforms.b.predicate") && p.contains("'missing'"))
                .anyMatch(p -> p.contains("transforms.b.negate"))
                .anyMatch(p -> p.contains("predicates.p.pattern"))
                .anyMatch(p -> p.contains("errors.tolerance"))
                .anyMatch(p -> p.contains("errors.retry.timeout"))
                .anyMatch(p -> p.contains("key.converter") && p.contains("NoSuchConverter"));
        assertThat(problems).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void shouldValidateATransformationsOwnSettingsUnderItsPrefix() {
        List<String> problems = problems(() -> new SourceConnectorConfig(PLUGINS, source(
                "transforms", "hf,ts", "transforms.hf.type", "HeaderFrom$Value",
                "transforms.hf.fields", "a,b", "transforms.hf.headers", "x",
                "transforms.hf.operation", "copy",
                "transforms.ts.type", "org.apache.kafka.connect.transforms.TimestampConverter$Value",
                "transforms.ts.target.type", "string")));

        assertThat(problems).containsExactlyInAnyOrder(
                "transforms.hf.*: 'fields' config must have the same number of elements as 'headers' config.",
                "transforms.ts.*: TimestampConverter requires format option to be specified when using string "
                        + "timestamps");
    }

    @Test
    void shouldApplyTheChainWithPredicatesAndNegation() {
        SourceConnectorConfig config = new SourceConnectorConfig(PLUGINS, source(
                "transforms", "dropTombstones,route,mask",
                "transforms.route.type", "RegexRouter", "transforms.route.regex", "orders-(.*)",
                "transforms.route.replacement", "clean-$1", "transforms.route.predicate", "isOrders",
                "transforms.mask.type", "MaskField$Value", "transforms.mask.fields", "secret",
                "transforms.mask.predicate", "keep", "transforms.mask.negate", "true",
                "transforms.dropTombstones.type", "Filter", "transforms.dropTombstones.predicate", "tombstone",
                "predicates", "isOrders,keep,tombstone",
                "predicates.isOrders.type", "TopicNameMatches", "predicates.isOrders.pattern", "orders-.*",
                "predicates.keep.type", "HasHeaderKey", "predicates.keep.name", "keep-secret",
                "predicates.tombstone.type", "RecordIsTombstone"));
        RetryWithToleranceOperator operator = new RetryWithToleranceOperator(config.errorHandlingConfig(),
                new MockTime(), List.of());
        Schema schema = SchemaBuilder.struct().field("secret", Schema.STRING_SCHEMA).build();
        try (TransformationChain<SourceRecord> chain = new TransformationChain<>(config.<SourceRecord>transformationStages(),
                operator)) {
            SourceRecord plain = record("orders-eu", new Struct(schema).put("secret", "pw"), new ConnectHeaders());
            SourceRecord kept = record("other", new Struct(schema).put("secret", "pw"),
                    new ConnectHeaders().addString("keep-secret", "yes"));
            SourceRecord tombstone = record("orders-us", null, new ConnectHeaders());

            SourceRecord out1 = chain.apply(ProcessingContext.forSource(plain), plain);
            SourceRecord out2 = chain.apply(ProcessingContext.forSource(kept), kept);
            ProcessingContext ctx3 = ProcessingContext.forSource(tombstone);
            SourceRecord out3 = chain.apply(ctx3, tombstone);

            assertThat(out1.topic()).isEqualTo("clean-eu");
            assertThat(((Struct) out1.value()).getString("secret")).as("masked: no keep header").isEmpty();
            assertThat(out2.topic()).as("predicate false: not routed").isEqualTo("other");
            assertThat(((Struct) out2.value()).getString("secret")).as("negated predicate true: not masked")
                    .isEqualTo("pw");
            assertThat(out3).as("tombstones are filtered").isNull();
            assertThat(ctx3.failed()).isFalse();
        }
    }

    private static SourceRecord record(String topic, Struct value, io.runnel.connect.header.Headers headers) {
        return new SourceRecord(Map.of("p", 1), Map.of("o", 1), topic, null, null, null,
                value == null ? SchemaBuilder.struct().optional().build() : value.schema(), value, 1L, headers);
    }

    @Test
    void shouldSkipRecordsWhoseTransformationFailsWhenToleranceIsAll() {
        SourceConnectorConfig config = new SourceConnectorConfig(PLUGINS, source(
                "transforms", "extract", "transforms.extract.type", "ExtractField$Value",
                "transforms.extract.field", "id", "errors.tolerance", "all"));
        RetryWithToleranceOperator operator = new RetryWithToleranceOperator(config.errorHandlingConfig(),
                new MockTime(), List.of());
        TransformationChain<SourceRecord> chain = new TransformationChain<>(config.<SourceRecord>transformationStages(), operator);
        SourceRecord notAMap = new SourceRecord(null, null, "t", null, "a string");
        ProcessingContext ctx = ProcessingContext.forSource(notAMap);

        assertThat(chain.apply(ctx, notAMap)).isNull();
        assertThat(ctx.failed()).isTrue();
        assertThat(operator.recordsSkipped()).isEqualTo(1);
        assertThat(config.errorHandlingConfig().tolerance()).isEqualTo(ToleranceType.ALL);
    }

    @Test
    void shouldRequireExactlyOneOfTopicsAndTopicsRegexForSinks() {
        Map<String, String> base = props("name", "sink", "connector.class", "FileStreamSink");
        Map<String, String> both = new HashMap<>(base);
        both.putAll(props("topics", "a,b", "topics.regex", "a.*"));
        Map<String, String> dlqListed = new HashMap<>(base);
        dlqListed.putAll(props("topics", "a,dlq,a", "errors.deadletterqueue.topic.name", "dlq"));
        Map<String, String> dlqMatched = new HashMap<>(base);
        dlqMatched.putAll(props("topics.regex", "d.*", "errors.deadletterqueue.topic.name", "dlq"));

        assertThat(problems(() -> new SinkConnectorConfig(PLUGINS, base)))
                .containsExactly("Must configure one of topics or topics.regex");
        assertThat(problems(() -> new SinkConnectorConfig(PLUGINS, both)))
                .containsExactly("topics and topics.regex are mutually exclusive options, but both are set.");
        assertThat(problems(() -> new SinkConnectorConfig(PLUGINS, dlqListed))).containsExactly(
                "The 'topics' list contains duplicate topics: a",
                "The DLQ topic 'dlq' may not be included in the list of topics ('topics=a,dlq,a') consumed by the "
                        + "connector");
        assertThat(problems(() -> new SinkConnectorConfig(PLUGINS, dlqMatched))).singleElement().asString()
                .contains("may not be included in the regex");
        Map<String, String> ok = new HashMap<>(base);
        ok.putAll(props("topics.regex", "orders-.*", "errors.deadletterqueue.topic.name", "dlq",
                "errors.deadletterqueue.context.headers.enable", "true"));
        SinkConnectorConfig config = new SinkConnectorConfig(PLUGINS, ok);
        assertThat(config.topicsRegex().pattern()).isEqualTo("orders-.*");
        assertThat(config.errorHandlingConfig().dlqEnabled()).isTrue();
        assertThat(config.errorHandlingConfig().dlqContextHeadersEnable()).isTrue();
    }

    @Test
    void shouldRejectKafkaSourceSettingsRunnelDoesNotSupport() {
        assertThat(problems(() -> new SourceConnectorConfig(PLUGINS, source("exactly.once.support", "required",
                "topic.creation.default.partitions", "3"))))
                .anyMatch(p -> p.startsWith("exactly.once.support is not supported by Runnel"))
                .anyMatch(p -> p.startsWith("topic.creation.default.partitions is not supported by Runnel"));
    }

    @Test
    void shouldParseWorkerSettingsWithKafkasDefaults() {
        StandaloneConfig config = new StandaloneConfig(props("key.converter", "StringConverter",
                "value.converter", "JsonConverter", "offset.storage.file.filename", "/tmp/x.offsets"));

        assertThat(config.listeners()).containsExactly("http://:8083");
        assertThat(config.offsetFlushIntervalMs()).isEqualTo(60_000L);
        assertThat(config.offsetFlushTimeoutMs()).isEqualTo(5_000L);
        assertThat(config.taskShutdownGracefulTimeoutMs()).isEqualTo(5_000L);
        assertThat(config.pluginPath()).isEmpty();
        assertThat(config.getList("bootstrap.servers")).containsExactly("localhost:9092");
        assertThat(config.getString("header.converter")).isEqualTo(SimpleHeaderConverter.class.getName());
        assertThat(config.offsetStorageFile().toString()).isEqualTo("/tmp/x.offsets");
    }

    @Test
    void shouldReportEveryBadWorkerSettingAtOnce() {
        assertThat(problems(() -> new StandaloneConfig(props("listeners", "https://:8443",
                "offset.flush.interval.ms", "0", "config.providers", "file"))))
                .anyMatch(p -> p.contains("key.converter"))
                .anyMatch(p -> p.contains("value.converter"))
                .anyMatch(p -> p.contains("offset.storage.file.filename"))
                .anyMatch(p -> p.contains("https listeners are not supported"))
                .anyMatch(p -> p.contains("offset.flush.interval.ms"))
                .anyMatch(p -> p.contains("config.providers is not supported by Runnel"));
        assertThat(problems(() -> new WorkerConfig(props("key.converter", "a", "value.converter", "b",
                "listeners", "localhost:8083")))).singleElement().asString().contains("Invalid listener");
    }

    @Test
    void shouldResolveConvertersFromTheConnectorOrTheWorker() {
        WorkerConfig worker = new WorkerConfig(props("key.converter", "StringConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false"));
        SourceConnectorConfig inherits = new SourceConnectorConfig(PLUGINS, source(
                "value.converter.schemas.enable", "true"));
        SourceConnectorConfig overrides = new SourceConnectorConfig(PLUGINS, source(
                "key.converter", "JsonConverter", "key.converter.schemas.enable", "true"));

        try (ConnectorConverters fromWorker = ConnectorConverters.create(PLUGINS, worker, inherits);
             ConnectorConverters fromConnector = ConnectorConverters.create(PLUGINS, worker, overrides)) {
            assertThat(fromWorker.key()).isInstanceOf(StringConverter.class);
            assertThat(text(fromWorker.value().fromConnectData("t", Schema.INT32_SCHEMA, 1)))
                    .as("the worker's value.converter.* applies; the connector's prefix without a class is ignored")
                    .isEqualTo("1");
            assertThat(fromWorker.header()).isInstanceOf(SimpleHeaderConverter.class);
            assertThat(fromConnector.key()).isInstanceOf(JsonConverter.class);
            assertThat(text(fromConnector.key().fromConnectData("t", Schema.INT32_SCHEMA, 1)))
                    .isEqualTo("{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":1}");
        }
        assertThat(ConnectorConverters.resolve(worker, overrides, "value.converter").level()).isEqualTo("worker");
        WorkerConfig badWorker = new WorkerConfig(props("key.converter", "Nope", "value.converter", "JsonConverter"));
        assertThatThrownBy(() -> ConnectorConverters.create(PLUGINS, badWorker, inherits))
                .isInstanceOf(ConfigException.class).hasMessageContaining("key.converter")
                .hasMessageContaining("worker");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
