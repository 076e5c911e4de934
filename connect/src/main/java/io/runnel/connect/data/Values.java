package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders Connect values as text and infers schemas and values back from text, as Kafka Connect's {@code Values}
 * does for header values ({@link io.runnel.connect.storage.SimpleHeaderConverter}) and literal settings
 * ({@code InsertHeader}'s {@code value.literal}).
 *
 * <p>Text forms: numbers and booleans as Java prints them; strings as-is at the top level and double-quoted
 * inside arrays and maps; bytes in base64; lists as {@code [a,b]}; maps and structs as {@code {"k":v}}; dates as
 * ISO-8601 in UTC ({@code yyyy-MM-dd}, {@code HH:mm:ss.SSS'Z'}, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}).
 *
 * <p>Parsing ({@link #parseString}) infers the narrowest schema: integral numbers become the smallest of
 * INT8..INT64 that holds them (larger ones a {@link Decimal}), other numbers FLOAT32 or FLOAT64, {@code true} and
 * {@code false} BOOLEAN, ISO dates, times and timestamps their logical types, {@code [..]} arrays and
 * {@code {..}} maps of such values (numeric elements are widened to a common type; mixed elements give an array
 * or map without an element schema); anything else, or any text that does not parse completely, is a STRING.
 *
 * <p>Stateless and thread-safe.
 */
public final class Values {

    private static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;
    private static final String DATE_FORMAT = "yyyy-MM-dd";
    private static final String TIME_FORMAT = "HH:mm:ss.SSS'Z'";
    private static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /**
     * Renders a value as text.
     *
     * @param schema the value's schema, or null (the text form depends on the Java value only)
     * @param value  the value, or null
     * @return the text, or null for a null value
     * @throws DataException if the value is of a class Connect does not represent
     */
    public static String convertToString(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, value, false);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value, boolean embedded) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value instanceof BigDecimal d ? d.toString() : value.toString());
        } else if (value instanceof String s) {
            if (embedded) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(s);
            }
        } else if (value instanceof byte[] bytes) {
            String encoded = Base64.getEncoder().encodeToString(bytes);
            sb.append(embedded ? '"' + encoded + '"' : encoded);
        } else if (value instanceof ByteBuffer buffer) {
            ByteBuffer dup = buffer.duplicate();
            byte[] bytes = new byte[dup.remaining()];
            dup.get(bytes);
            append(sb, bytes, embedded);
        } else if (value instanceof List<?> list) {
            sb.append('[');
            appendIterable(sb, list.iterator());
            sb.append(']');
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            appendIterable(sb, map.entrySet().iterator());
            sb.append('}');
        } else if (value instanceof Map.Entry<?, ?> entry) {
            append(sb, entry.getKey(), true);
            sb.append(':');
            append(sb, entry.getValue(), true);
        } else if (value instanceof Struct struct) {
            sb.append('{');
            boolean first = true;
            for (Field field : struct.schema().fields()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                append(sb, field.name(), true);
                sb.append(':');
                append(sb, struct.get(field), true);
            }
            sb.append('}');
        } else if (value instanceof java.util.Date date) {
            sb.append(formatFor(date).format(date));
        } else {
            throw new DataException("Failed to serialize unexpected value type " + value.getClass().getName() + ": "
                    + value);
        }
    }

    private static void appendIterable(StringBuilder sb, Iterator<?> it) {
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            append(sb, it.next(), true);
        }
    }

    private static SimpleDateFormat formatFor(java.util.Date date) {
        if (date.getTime() >= 0 && date.getTime() < MILLIS_PER_DAY) {
            return format(TIME_FORMAT);
        }
        if (date.getTime() % MILLIS_PER_DAY == 0) {
            return format(DATE_FORMAT);
        }
        return format(TIMESTAMP_FORMAT);
    }

    private static SimpleDateFormat format(String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern);
        format.setTimeZone(UTC);
        return format;
    }

    /**
     * Infers a schema for a Java value.
     *
     * @param value a value
     * @return its schema (required), or null when none can be inferred (null, empty or mixed collections,
     *         unknown classes)
     */
    public static Schema inferSchema(Object value) {
        if (value instanceof Struct struct) {
            return struct.schema();
        }
        if (value instanceof List<?> list) {
            Schema element = commonSchema(list);
            return element == null ? null : SchemaBuilder.array(element).build();
        }
        if (value instanceof Map<?, ?> map) {
            Schema key = commonSchema(map.keySet());
            Schema val = commonSchema(map.values());
            return key == null || val == null ? null : SchemaBuilder.map(key, val).build();
        }
        if (value instanceof BigDecimal d) {
            return Decimal.schema(d.scale());
        }
        if (value == null) {
            return null;
        }
        Schema.Type type = ConnectSchema.schemaType(value.getClass());
        return type == null || !type.isPrimitive() ? null : SchemaBuilder.type(type).build();
    }

    private static Schema commonSchema(Iterable<?> values) {
        Schema common = null;
        for (Object v : values) {
            Schema s = inferSchema(v);
            if (s == null || (common != null && !common.equals(s))) {
                return null;
            }
            common = s;
        }
        return common;
    }

    /**
     * Parses text into a value and its inferred schema (see the class description).
     *
     * @param value text, or null
     * @return the schema and value; null text gives {@link SchemaAndValue#NULL}, empty text an empty STRING, and
     *         the literal {@code null} gives null (as Kafka does)
     */
    public static SchemaAndValue parseString(String value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        if (value.isEmpty()) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, value);
        }
        String trimmed = value.trim();
        if (trimmed.equals("null")) {
            return null;
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            try {
                Parser parser = new Parser(trimmed);
                SchemaAndValue parsed = parser.parseValue();
                parser.skipWhitespace();
                if (parsed != null && parser.atEnd()) {
                    return parsed;
                }
            } catch (DataException | IndexOutOfBoundsException e) {
                // Not a well-formed array or map: the text is a plain string, as in Kafka.
            }
            return new SchemaAndValue(Schema.STRING_SCHEMA, value);
        }
        SchemaAndValue scalar = parseScalar(trimmed);
        return scalar != null ? scalar : new SchemaAndValue(Schema.STRING_SCHEMA, value);
    }

    /** A scalar token: boolean, number or ISO date/time/timestamp; null when it is none of them. */
    private static SchemaAndValue parseScalar(String token) {
        if (token.equals("true") || token.equals("false")) {
            return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.parseBoolean(token));
        }
        SchemaAndValue number = parseNumber(token);
        if (number != null) {
            return number;
        }
        return parseTemporal(token);
    }

    private static SchemaAndValue parseNumber(String token) {
        int start = token.startsWith("-") || token.startsWith("+") ? 1 : 0;
        if (token.length() <= start || !Character.isDigit(token.charAt(start))) {
            return null;
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(token);
        } catch (NumberFormatException e) {
            return null;
        }
        BigDecimal ceil = decimal.setScale(0, RoundingMode.CEILING);
        BigDecimal floor = decimal.setScale(0, RoundingMode.FLOOR);
        if (ceil.equals(floor)) {
            BigInteger integral = ceil.toBigIntegerExact();
            if (integral.compareTo(LONG_MIN) >= 0 && integral.compareTo(LONG_MAX) <= 0) {
                long l = integral.longValue();
                if (l == (byte) l) {
                    return new SchemaAndValue(Schema.INT8_SCHEMA, (byte) l);
                } else if (l == (short) l) {
                    return new SchemaAndValue(Schema.INT16_SCHEMA, (short) l);
                } else if (l == (int) l) {
                    return new SchemaAndValue(Schema.INT32_SCHEMA, (int) l);
                }
                return new SchemaAndValue(Schema.INT64_SCHEMA, l);
            }
            return new SchemaAndValue(Decimal.schema(decimal.scale()), decimal);
        }
        float f = decimal.floatValue();
        if (!Float.isInfinite(f)) {
            return new SchemaAndValue(Schema.FLOAT32_SCHEMA, f);
        }
        double d = decimal.doubleValue();
        if (!Double.isInfinite(d)) {
            return new SchemaAndValue(Schema.FLOAT64_SCHEMA, d);
        }
        return new SchemaAndValue(Decimal.schema(decimal.scale()), decimal);
    }

    private static SchemaAndValue parseTemporal(String token) {
        if (token.length() == DATE_FORMAT.length() && token.charAt(4) == '-' && token.charAt(7) == '-') {
            java.util.Date date = tryParse(DATE_FORMAT, token);
            return date == null ? null : new SchemaAndValue(Date.SCHEMA, date);
        }
        if (token.length() == TIME_FORMAT.length() - 2 && token.charAt(2) == ':' && token.endsWith("Z")) {
            java.util.Date time = tryParse(TIME_FORMAT, token);
            return time == null ? null : new SchemaAndValue(Time.SCHEMA, time);
        }
        if (token.length() == TIMESTAMP_FORMAT.length() - 4 && token.charAt(10) == 'T' && token.endsWith("Z")) {
            java.util.Date ts = tryParse(TIMESTAMP_FORMAT, token);
            return ts == null ? null : new SchemaAndValue(Timestamp.SCHEMA, ts);
        }
        return null;
    }

    private static java.util.Date tryParse(String pattern, String token) {
        try {
            return format(pattern).parse(token);
        } catch (ParseException e) {
            return null;
        }
    }

    /** Parses the embedded (array and map) syntax; throws DataException on anything malformed. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        void skipWhitespace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private void expect(char c) {
            skipWhitespace();
            if (atEnd() || text.charAt(pos) != c) {
                throw new DataException("Expected '" + c + "' at position " + pos);
            }
            pos++;
        }

        private boolean tryConsume(char c) {
            skipWhitespace();
            if (!atEnd() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** @return the value, or null for the literal null */
        SchemaAndValue parseValue() {
            skipWhitespace();
            char c = text.charAt(pos);
            if (c == '[') {
                pos++;
                return parseArray();
            }
            if (c == '{') {
                pos++;
                return parseMap();
            }
            if (c == '"') {
                pos++;
                int start = pos;
                while (text.charAt(pos) != '"') {
                    pos += text.charAt(pos) == '\\' ? 2 : 1;
                }
                String s = text.substring(start, pos);
                pos++;
                return new SchemaAndValue(Schema.STRING_SCHEMA, s);
            }
            int start = pos;
            while (!atEnd() && ",:]}".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String token = text.substring(start, pos);
            if (token.equals("null")) {
                return null;
            }
            SchemaAndValue scalar = parseScalar(token);
            if (scalar == null) {
                throw new DataException("Unquoted text '" + token + "' in an array or map");
            }
            return scalar;
        }

        private SchemaAndValue parseArray() {
            List<SchemaAndValue> elements = new ArrayList<>();
            if (!tryConsume(']')) {
                do {
                    SchemaAndValue element = parseValue();
                    if (element == null) {
                        throw new DataException("null element in an array");
                    }
                    elements.add(element);
                } while (tryConsume(','));
                expect(']');
            }
            Schema elementSchema = unify(elements);
            List<Object> values = new ArrayList<>();
            for (SchemaAndValue e : elements) {
                values.add(elementSchema == null ? e.value() : widen(e, elementSchema));
            }
            return new SchemaAndValue(new ConnectSchema(Schema.Type.ARRAY, false, null, null, null, null, null, null,
                    null, elementSchema), values);
        }

        private SchemaAndValue parseMap() {
            List<SchemaAndValue> keys = new ArrayList<>();
            List<SchemaAndValue> vals = new ArrayList<>();
            if (!tryConsume('}')) {
                do {
                    SchemaAndValue key = parseValue();
                    if (key == null) {
                        throw new DataException("null key in a map");
                    }
                    expect(':');
                    keys.add(key);
                    vals.add(parseValue());
                } while (tryConsume(','));
                expect('}');
            }
            Schema keySchema = unify(keys);
            Schema valueSchema = vals.contains(null) ? null : unify(vals);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                SchemaAndValue k = keys.get(i);
                SchemaAndValue v = vals.get(i);
                map.put(keySchema == null ? k.value() : widen(k, keySchema),
                        v == null ? null : valueSchema == null ? v.value() : widen(v, valueSchema));
            }
            return new SchemaAndValue(new ConnectSchema(Schema.Type.MAP, false, null, null, null, null, null, null,
                    keySchema, valueSchema), map);
        }
    }

    /** The schema of equal element schemas, the widest numeric one for mixed numbers, else null. */
    private static Schema unify(List<SchemaAndValue> elements) {
        Schema common = null;
        for (SchemaAndValue e : elements) {
            Schema s = e.schema();
            if (common == null) {
                common = s;
            } else if (!common.equals(s)) {
                if (isPlainNumber(common) && isPlainNumber(s)) {
                    common = common.type().ordinal() >= s.type().ordinal() ? common : s;
                } else {
                    return null;
                }
            }
        }
        return common;
    }

    private static boolean isPlainNumber(Schema s) {
        return s.name() == null && s.type().ordinal() <= Schema.Type.FLOAT64.ordinal();
    }

    private static Object widen(SchemaAndValue value, Schema target) {
        if (value.schema().equals(target) || !(value.value() instanceof Number n)) {
            return value.value();
        }
        return switch (target.type()) {
            case INT16 -> n.shortValue();
            case INT32 -> n.intValue();
            case INT64 -> n.longValue();
            case FLOAT32 -> n.floatValue();
            case FLOAT64 -> n.doubleValue();
            default -> n;
        };
    }
}
