package io.runnel.benchmarks.connect;

import io.runnel.common.utils.Time;
import io.runnel.connect.data.Decimal;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Timestamp;
import io.runnel.connect.json.JsonConverter;
import io.runnel.connect.runtime.SourceConnectorConfig;
import io.runnel.connect.runtime.TransformationChain;
import io.runnel.connect.runtime.errors.ProcessingContext;
import io.runnel.connect.runtime.errors.RetryWithToleranceOperator;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The per-record cost of the Connect data path pieces: the JSON converter writing ({@code fromConnectData}) and
 * reading ({@code toConnectData}) a six-field order struct (decimal, timestamp and array fields), with and without
 * the schema envelope ({@link #schemasEnable}), and a three-stage transformation chain (InsertField, MaskField,
 * RegexRouter) run through the error operator (the chain does not depend on {@code schemasEnable}). One operation is
 * one record converted or transformed: scores are records/s.
 *
 * <pre>bin/runnel-bench ConnectConverterBenchmark
 * java -jar benchmarks/target/benchmarks.jar ConnectConverterBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class ConnectConverterBenchmark {

    /** The converter's {@code schemas.enable}: the {@code {"schema":..., "payload":...}} envelope. */
    @Param({"true", "false"})
    public boolean schemasEnable;

    private JsonConverter converter;
    private Schema schema;
    private Struct value;
    private byte[] serialized;
    private TransformationChain<SourceRecord> chain;
    private SourceRecord record;

    /** Configures the converter and the chain and serializes the struct once. */
    @Setup(Level.Trial)
    public void setUp() {
        converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", schemasEnable), false);
        schema = SchemaBuilder.struct().name("com.example.Order")
                .field("id", Schema.INT64_SCHEMA)
                .field("customer", Schema.STRING_SCHEMA)
                .field("email", Schema.OPTIONAL_STRING_SCHEMA)
                .field("amount", Decimal.schema(2))
                .field("created", Timestamp.SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .build();
        value = new Struct(schema).put("id", 123_456_789L).put("customer", "Alice Example")
                .put("email", "alice@example.com").put("amount", new BigDecimal("1234.56"))
                .put("created", new java.util.Date(1_700_000_000_000L)).put("tags", List.of("new", "priority"));
        serialized = converter.fromConnectData("orders", schema, value);

        Map<String, String> props = new HashMap<>();
        props.put("name", "bench");
        props.put("connector.class", "FileStreamSource");
        props.put("topic", "orders");
        props.put("transforms", "insert,mask,route");
        props.put("transforms.insert.type", "InsertField$Value");
        props.put("transforms.insert.topic.field", "source_topic");
        props.put("transforms.mask.type", "MaskField$Value");
        props.put("transforms.mask.fields", "email");
        props.put("transforms.route.type", "RegexRouter");
        props.put("transforms.route.regex", "(.*)");
        props.put("transforms.route.replacement", "$1-masked");
        SourceConnectorConfig config = new SourceConnectorConfig(new Plugins(List.of()), props);
        chain = new TransformationChain<>(config.<SourceRecord>transformationStages(),
                new RetryWithToleranceOperator(config.errorHandlingConfig(), Time.SYSTEM, List.of()));
        record = new SourceRecord(Map.of("p", 0), Map.of("o", 1L), "orders", null, schema, value);
    }

    /** Closes the chain. */
    @TearDown(Level.Trial)
    public void tearDown() {
        chain.close();
    }

    /** @return the struct as JSON bytes */
    @Benchmark
    public byte[] jsonFromConnectData() {
        return converter.fromConnectData("orders", schema, value);
    }

    /** @return the JSON bytes read back as a struct (or a map without schemas) */
    @Benchmark
    public Object jsonToConnectData() {
        return converter.toConnectData("orders", serialized).value();
    }

    /** @return the record after InsertField, MaskField and RegexRouter */
    @Benchmark
    public SourceRecord transformationChain() {
        return chain.apply(ProcessingContext.forSource(record), record);
    }
}
