package io.runnel.cli.internals;

import io.runnel.cli.CliException;
import io.runnel.common.header.Header;
import io.runnel.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a line of text into a record's headers, key and value, with the settings of Kafka's console producer
 * line reader ({@code --property name=value}):
 *
 * <pre>
 *   parse.key              false   split "key&lt;key.separator&gt;value"
 *   key.separator          \t
 *   parse.headers          false   a leading "h1:v1,h2:v2&lt;headers.delimiter&gt;" part
 *   headers.delimiter      \t      ends the headers part
 *   headers.separator      ,       between headers
 *   headers.key.separator  :       between a header's key and value
 *   null.marker            (none)  a key, value or header value equal to it is null
 *   ignore.error           false   a line without a separator: value only (or no headers) instead of an error
 * </pre>
 *
 * Strings are encoded as UTF-8. Not thread-safe.
 */
final class LineRecordReader {

    /** One parsed line. */
    record ParsedLine(List<Header> headers, byte[] key, byte[] value) {
    }

    private final boolean parseKey;
    private final String keySeparator;
    private final boolean parseHeaders;
    private final String headersDelimiter;
    private final String headersSeparator;
    private final String headersKeySeparator;
    private final String nullMarker;
    private final boolean ignoreError;

    /**
     * @param properties the reader settings (unknown ones are ignored, as Kafka's reader does)
     * @throws CliException if separators are empty or clash with the null marker
     */
    LineRecordReader(Map<String, String> properties) {
        parseKey = Boolean.parseBoolean(properties.getOrDefault("parse.key", "false").trim());
        keySeparator = properties.getOrDefault("key.separator", "\t");
        parseHeaders = Boolean.parseBoolean(properties.getOrDefault("parse.headers", "false").trim());
        headersDelimiter = properties.getOrDefault("headers.delimiter", "\t");
        headersSeparator = properties.getOrDefault("headers.separator", ",");
        headersKeySeparator = properties.getOrDefault("headers.key.separator", ":");
        nullMarker = properties.get("null.marker");
        ignoreError = Boolean.parseBoolean(properties.getOrDefault("ignore.error", "false").trim());
        requireNonEmpty("key.separator", keySeparator);
        requireNonEmpty("headers.delimiter", headersDelimiter);
        requireNonEmpty("headers.separator", headersSeparator);
        requireNonEmpty("headers.key.separator", headersKeySeparator);
        if (parseHeaders && headersDelimiter.equals(headersSeparator)) {
            throw new CliException("headers.delimiter and headers.separator may not be equal ('" + headersDelimiter + "')");
        }
        if (parseHeaders && headersSeparator.equals(headersKeySeparator)) {
            throw new CliException("headers.separator and headers.key.separator may not be equal ('" + headersSeparator + "')");
        }
        if (nullMarker != null) {
            for (String[] separator : new String[][]{{"key.separator", keySeparator}, {"headers.delimiter", headersDelimiter},
                    {"headers.separator", headersSeparator}, {"headers.key.separator", headersKeySeparator}}) {
                if (nullMarker.equals(separator[1])) {
                    throw new CliException("null.marker and " + separator[0] + " may not be equal ('" + nullMarker + "')");
                }
            }
        }
    }

    private static void requireNonEmpty(String name, String value) {
        if (value.isEmpty()) {
            throw new CliException("The reader property " + name + " may not be empty");
        }
    }

    /**
     * @param line       a line without its line terminator
     * @param lineNumber its 1-based number, for messages
     * @return the record parts
     * @throws CliException if a separator is missing (and ignore.error is false) or a header key is the null marker
     */
    ParsedLine parse(String line, long lineNumber) {
        String rest = line;
        List<Header> headers = List.of();
        if (parseHeaders) {
            int end = rest.indexOf(headersDelimiter);
            if (end < 0) {
                if (!ignoreError) {
                    throw new CliException("No headers delimiter found on line number " + lineNumber + ": '" + line + "'");
                }
            } else {
                headers = parseHeaders(rest.substring(0, end), lineNumber);
                rest = rest.substring(end + headersDelimiter.length());
            }
        }
        byte[] key = null;
        if (parseKey) {
            int end = rest.indexOf(keySeparator);
            if (end < 0) {
                if (!ignoreError) {
                    throw new CliException("No key separator found on line number " + lineNumber + ": '" + line + "'");
                }
            } else {
                key = bytes(rest.substring(0, end));
                rest = rest.substring(end + keySeparator.length());
            }
        }
        return new ParsedLine(headers, key, bytes(rest));
    }

    private List<Header> parseHeaders(String text, long lineNumber) {
        List<Header> headers = new ArrayList<>();
        if (text.isEmpty()) {
            return headers;
        }
        for (String pair : text.split(java.util.regex.Pattern.quote(headersSeparator), -1)) {
            int end = pair.indexOf(headersKeySeparator);
            String key;
            String value;
            if (end < 0) {
                if (!ignoreError) {
                    throw new CliException("No header key separator found in pair '" + pair + "' on line number "
                            + lineNumber);
                }
                key = pair;
                value = null;
            } else {
                key = pair.substring(0, end);
                value = pair.substring(end + headersKeySeparator.length());
            }
            if (key.equals(nullMarker)) {
                throw new CliException("Header keys should not be equal to the null marker '" + nullMarker
                        + "' as they can't be null (line number " + lineNumber + ")");
            }
            headers.add(new RecordHeader(key, bytes(value)));
        }
        return headers;
    }

    private byte[] bytes(String text) {
        if (text == null || text.equals(nullMarker)) {
            return null;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
