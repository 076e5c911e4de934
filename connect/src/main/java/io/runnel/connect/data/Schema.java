package io.runnel.connect.data;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a Connect value, as Kafka Connect's {@code Schema}: a {@link Type}, whether the value may be null
 * ({@link #isOptional()}), a default, and for structured types the element ({@link #valueSchema()}), key
 * ({@link #keySchema()}) or {@link #fields()} schemas. A name, version, doc and string parameters describe named
 * and logical types ({@link Date}, {@link Time}, {@link Timestamp}, {@link Decimal}).
 *
 * <p>Java representation of each type: INT8 {@link Byte}, INT16 {@link Short}, INT32 {@link Integer}, INT64
 * {@link Long}, FLOAT32 {@link Float}, FLOAT64 {@link Double}, BOOLEAN {@link Boolean}, STRING {@link String},
 * BYTES {@code byte[]} or {@link ByteBuffer}, ARRAY {@link List}, MAP {@link Map}, STRUCT {@link Struct};
 * logical types use {@link java.util.Date} and {@link BigDecimal}.
 *
 * <p>Schemas built by {@link SchemaBuilder#build()} ({@link ConnectSchema}) are immutable and thread-safe.
 */
public interface Schema {

    /** The type of a schema, independent of any name or logical type. */
    enum Type {
        /** 8-bit signed integer. */
        INT8,
        /** 16-bit signed integer. */
        INT16,
        /** 32-bit signed integer. */
        INT32,
        /** 64-bit signed integer. */
        INT64,
        /** 32-bit IEEE 754 floating point. */
        FLOAT32,
        /** 64-bit IEEE 754 floating point. */
        FLOAT64,
        /** Boolean. */
        BOOLEAN,
        /** Character string (UTF-8 when serialized). */
        STRING,
        /** Sequence of bytes. */
        BYTES,
        /** Ordered sequence of elements of one schema. */
        ARRAY,
        /** Map of keys of one schema to values of another. */
        MAP,
        /** Named fields, each with its own schema, in a fixed order. */
        STRUCT;

        private final String name = name().toLowerCase(Locale.ROOT);

        /** @return the lower-case name ({@code "int32"}) */
        public String getName() {
            return name;
        }

        /** @return true for every type except ARRAY, MAP and STRUCT */
        public boolean isPrimitive() {
            return this != ARRAY && this != MAP && this != STRUCT;
        }
    }

    /** A required INT8. */
    Schema INT8_SCHEMA = SchemaBuilder.int8().build();
    /** A required INT16. */
    Schema INT16_SCHEMA = SchemaBuilder.int16().build();
    /** A required INT32. */
    Schema INT32_SCHEMA = SchemaBuilder.int32().build();
    /** A required INT64. */
    Schema INT64_SCHEMA = SchemaBuilder.int64().build();
    /** A required FLOAT32. */
    Schema FLOAT32_SCHEMA = SchemaBuilder.float32().build();
    /** A required FLOAT64. */
    Schema FLOAT64_SCHEMA = SchemaBuilder.float64().build();
    /** A required BOOLEAN. */
    Schema BOOLEAN_SCHEMA = SchemaBuilder.bool().build();
    /** A required STRING. */
    Schema STRING_SCHEMA = SchemaBuilder.string().build();
    /** A required BYTES. */
    Schema BYTES_SCHEMA = SchemaBuilder.bytes().build();

    /** An optional INT8. */
    Schema OPTIONAL_INT8_SCHEMA = SchemaBuilder.int8().optional().build();
    /** An optional INT16. */
    Schema OPTIONAL_INT16_SCHEMA = SchemaBuilder.int16().optional().build();
    /** An optional INT32. */
    Schema OPTIONAL_INT32_SCHEMA = SchemaBuilder.int32().optional().build();
    /** An optional INT64. */
    Schema OPTIONAL_INT64_SCHEMA = SchemaBuilder.int64().optional().build();
    /** An optional FLOAT32. */
    Schema OPTIONAL_FLOAT32_SCHEMA = SchemaBuilder.float32().optional().build();
    /** An optional FLOAT64. */
    Schema OPTIONAL_FLOAT64_SCHEMA = SchemaBuilder.float64().optional().build();
    /** An optional BOOLEAN. */
    Schema OPTIONAL_BOOLEAN_SCHEMA = SchemaBuilder.bool().optional().build();
    /** An optional STRING. */
    Schema OPTIONAL_STRING_SCHEMA = SchemaBuilder.string().optional().build();
    /** An optional BYTES. */
    Schema OPTIONAL_BYTES_SCHEMA = SchemaBuilder.bytes().optional().build();

    /** @return the type, never null */
    Type type();

    /** @return whether null is a valid value */
    boolean isOptional();

    /** @return the value used when none is given, or null */
    Object defaultValue();

    /** @return the fully qualified name (for STRUCTs and logical types), or null */
    String name();

    /** @return the version of a named schema, or null */
    Integer version();

    /** @return documentation, or null */
    String doc();

    /** @return extra string properties (the scale of a {@link Decimal}...), or null when none were set */
    Map<String, String> parameters();

    /**
     * @return the key schema of a MAP
     * @throws io.runnel.connect.errors.DataException on some implementations when the type is not MAP
     */
    Schema keySchema();

    /** @return the element schema of an ARRAY or the value schema of a MAP */
    Schema valueSchema();

    /**
     * @return the fields of a STRUCT, in order
     * @throws io.runnel.connect.errors.DataException if the type is not STRUCT
     */
    List<Field> fields();

    /**
     * @param fieldName a field name
     * @return the field, or null if there is none with that name
     * @throws io.runnel.connect.errors.DataException if the type is not STRUCT
     */
    Field field(String fieldName);

    /** @return this schema as an immutable {@link ConnectSchema} (a builder builds itself) */
    Schema schema();
}
