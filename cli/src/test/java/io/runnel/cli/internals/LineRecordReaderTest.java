package io.runnel.cli.internals;

import io.runnel.cli.CliException;
import io.runnel.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineRecordReaderTest {

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void shouldTakeTheWholeLineAsValueByDefault() {
        LineRecordReader.ParsedLine parsed = new LineRecordReader(Map.of()).parse("a\tb:c", 1);
        assertThat(parsed.key()).isNull();
        assertThat(text(parsed.value())).isEqualTo("a\tb:c");
        assertThat(parsed.headers()).isEmpty();
    }

    @Test
    void shouldSplitTheKeyAtTheFirstSeparator() {
        LineRecordReader reader = new LineRecordReader(Map.of("parse.key", "true", "key.separator", "::"));
        LineRecordReader.ParsedLine parsed = reader.parse("k::v::w", 1);
        assertThat(text(parsed.key())).isEqualTo("k");
        assertThat(text(parsed.value())).isEqualTo("v::w");
        assertThat(text(reader.parse("::v", 2).key())).isEmpty();
    }

    @Test
    void shouldParseHeadersBeforeTheKey() {
        LineRecordReader reader = new LineRecordReader(Map.of("parse.key", "true", "parse.headers", "true"));
        LineRecordReader.ParsedLine parsed = reader.parse("a:1,b:x:y\tkey\tvalue", 1);
        List<Header> headers = parsed.headers();
        assertThat(headers).extracting(Header::key).containsExactly("a", "b");
        assertThat(headers).extracting(h -> text(h.value())).containsExactly("1", "x:y");
        assertThat(text(parsed.key())).isEqualTo("key");
        assertThat(text(parsed.value())).isEqualTo("value");
        assertThat(reader.parse("\tk\tv", 2).headers()).isEmpty();
    }

    @Test
    void shouldMapTheNullMarkerToNull() {
        LineRecordReader reader = new LineRecordReader(Map.of("parse.key", "true", "parse.headers", "true",
                "null.marker", "<null>"));
        LineRecordReader.ParsedLine parsed = reader.parse("h:<null>\t<null>\t<null>", 1);
        assertThat(parsed.key()).isNull();
        assertThat(parsed.value()).isNull();
        assertThat(parsed.headers().get(0).value()).isNull();
        assertThatThrownBy(() -> reader.parse("<null>:x\tk\tv", 7)).isInstanceOf(CliException.class)
                .hasMessage("Header keys should not be equal to the null marker '<null>' as they can't be null (line number 7)");
    }

    @Test
    void shouldRejectLinesWithoutSeparatorsUnlessErrorsAreIgnored() {
        LineRecordReader strict = new LineRecordReader(Map.of("parse.key", "true", "parse.headers", "true"));
        assertThatThrownBy(() -> strict.parse("no delimiter", 3)).isInstanceOf(CliException.class)
                .hasMessage("No headers delimiter found on line number 3: 'no delimiter'");
        assertThatThrownBy(() -> strict.parse("h:1\tno key", 4)).isInstanceOf(CliException.class)
                .hasMessage("No key separator found on line number 4: 'h:1\tno key'");
        assertThatThrownBy(() -> strict.parse("h\tk\tv", 5)).isInstanceOf(CliException.class)
                .hasMessage("No header key separator found in pair 'h' on line number 5");

        LineRecordReader lenient = new LineRecordReader(Map.of("parse.key", "true", "parse.headers", "true",
                "ignore.error", "true"));
        LineRecordReader.ParsedLine parsed = lenient.parse("just a value", 1);
        assertThat(parsed.headers()).isEmpty();
        assertThat(parsed.key()).isNull();
        assertThat(text(parsed.value())).isEqualTo("just a value");
        LineRecordReader.ParsedLine keyOnlyHeader = lenient.parse("h\tk\tv", 2);
        assertThat(keyOnlyHeader.headers().get(0).key()).isEqualTo("h");
        assertThat(keyOnlyHeader.headers().get(0).value()).isNull();
    }

    @Test
    void shouldRejectSeparatorsThatCannotWork() {
        assertThatThrownBy(() -> new LineRecordReader(Map.of("key.separator", ""))).isInstanceOf(CliException.class)
                .hasMessage("The reader property key.separator may not be empty");
        assertThatThrownBy(() -> new LineRecordReader(Map.of("null.marker", "\t")))
                .hasMessage("null.marker and key.separator may not be equal ('\t')");
        assertThatThrownBy(() -> new LineRecordReader(Map.of("parse.headers", "true", "headers.separator", "\t")))
                .hasMessage("headers.delimiter and headers.separator may not be equal ('\t')");
    }
}
