package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigException;
import io.runnel.connect.data.Schema;
import io.runnel.connect.header.ConnectHeaders;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.transforms.predicates.HasHeaderKey;
import io.runnel.connect.transforms.predicates.Predicate;
import io.runnel.connect.transforms.predicates.RecordIsTombstone;
import io.runnel.connect.transforms.predicates.TopicNameMatches;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad settings of every built-in transformation and predicate: each problem is named, all at once. */
class TransformConfigTest {

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("Cast$Value", Map.of("spec", "a:bytes"), List.of("casting to BYTES")),
                Arguments.of("Cast$Value", Map.of("spec", "a:foo", "replace.null.with.default", "maybe"),
                        List.of("Invalid type found in casting spec: foo", "replace.null.with.default")),
                Arguments.of("Cast$Value", Map.of("spec", "int8,a:int8"), List.of("may only specify a single cast")),
                Arguments.of("Cast$Value", Map.of(), List.of("\"spec\"")),
                Arguments.of("DropHeaders", Map.of("headers", ""), List.of("Empty list")),
                Arguments.of("ExtractField$Value", Map.of("field.syntax.version", "V3"), List.of("\"field\"",
                        "field.syntax.version")),
                Arguments.of("HeaderFrom$Value", Map.of("fields", "", "operation", "steal"),
                        List.of("fields", "\"headers\"", "operation")),
                Arguments.of("HeaderFrom$Key", Map.of("fields", "a", "headers", "x,y", "operation", "move"),
                        List.of("same number of elements")),
                Arguments.of("HoistField$Value", Map.of(), List.of("\"field\"")),
                Arguments.of("InsertField$Value", Map.of("replace.null.with.default", "x"),
                        List.of("replace.null.with.default")),
                Arguments.of("InsertHeader", Map.of(), List.of("\"header\"", "\"value.literal\"")),
                Arguments.of("MaskField$Value", Map.of("replacement", ""), List.of("\"fields\"", "replacement")),
                Arguments.of("RegexRouter", Map.of("regex", "(unclosed"), List.of("Invalid regex", "\"replacement\"")),
                Arguments.of("ReplaceField$Value", Map.of("renames", "a:b:c,d"), List.of("Invalid rename mapping")),
                Arguments.of("SetSchemaMetadata$Value", Map.of(), List.of("Neither schema name nor version")),
                Arguments.of("SetSchemaMetadata$Value", Map.of("schema.version", "one"), List.of("schema.version")),
                Arguments.of("TimestampConverter$Value", Map.of("target.type", "Instant", "unix.precision", "days"),
                        List.of("target.type", "unix.precision")),
                Arguments.of("TimestampConverter$Value", Map.of("target.type", "string", "format", "bad'"),
                        List.of("SimpleDateFormat-compatible pattern")),
                Arguments.of("TimestampConverter$Value", Map.of("target.type", "string"),
                        List.of("requires format option")),
                Arguments.of("TimestampRouter", Map.of("timestamp.format", "yyyy'"), List.of("timestamp.format")),
                Arguments.of("ValueToKey", Map.of(), List.of("\"fields\"")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badConfigs")
    void shouldReportEveryBadSettingAtOnce(String type, Map<String, String> props, List<String> expected)
            throws Exception {
        Transformation<SinkRecord> t = TransformOracleTest.ourTransformation(type);

        assertThatThrownBy(() -> t.configure(props)).isInstanceOf(ConfigException.class).satisfies(e -> {
            List<String> problems = ((ConfigException) e).problems();
            assertThat(problems).hasSize(expected.size());
            for (String fragment : expected) {
                assertThat(problems).anyMatch(p -> p.contains(fragment));
            }
        });
    }

    @Test
    void shouldRejectBadPredicateSettings() {
        assertThatThrownBy(() -> new TopicNameMatches<SourceRecord>().configure(Map.of("pattern", "[")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Invalid regex");
        assertThatThrownBy(() -> new TopicNameMatches<SourceRecord>().configure(Map.of("pattern", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> new HasHeaderKey<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"name\"");
    }

    @Test
    void shouldTestRecordsAsKafkasPredicatesDo() {
        SourceRecord withHeader = new SourceRecord(null, null, "orders-eu", null, null, null, Schema.STRING_SCHEMA,
                "v", null, new ConnectHeaders().addString("trace", "1"));
        SourceRecord tombstone = new SourceRecord(null, null, "orders", null, null);
        Predicate<SourceRecord> topic = new TopicNameMatches<>();
        topic.configure(Map.of("pattern", "orders-.*"));
        Predicate<SourceRecord> header = new HasHeaderKey<>();
        header.configure(Map.of("name", "trace"));
        Predicate<SourceRecord> isTombstone = new RecordIsTombstone<>();
        isTombstone.configure(Map.of());

        assertThat(topic.test(withHeader)).isTrue();
        assertThat(topic.test(tombstone)).as("the whole name must match").isFalse();
        assertThat(header.test(withHeader)).isTrue();
        assertThat(header.test(tombstone)).isFalse();
        assertThat(isTombstone.test(tombstone)).isTrue();
        assertThat(isTombstone.test(withHeader)).isFalse();
    }
}
