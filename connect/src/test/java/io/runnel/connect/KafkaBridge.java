package io.runnel.connect;

import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: translates Runnel's Connect schemas and values into Apache Kafka Connect's (the oracle) and back,
 * keeping map iteration order so serialized bytes can be compared.
 */
public final class KafkaBridge {

    private KafkaBridge() {
    }

    public static org.apache.kafka.connect.data.Schema toKafka(Schema schema) {
        if (schema == null) {
            return null;
        }
        org.apache.kafka.connect.data.SchemaBuilder b;
        switch (schema.type()) {
            case ARRAY -> b = org.apache.kafka.connect.data.SchemaBuilder.array(toKafka(schema.valueSchema()));
            case MAP -> b = org.apache.kafka.connect.data.SchemaBuilder.map(toKafka(schema.keySchema()),
                    toKafka(schema.valueSchema()));
            case STRUCT -> {
                b = org.apache.kafka.connect.data.SchemaBuilder.struct();
                for (Field f : schema.fields()) {
                    b.field(f.name(), toKafka(f.schema()));
                }
            }
            default -> b = org.apache.kafka.connect.data.SchemaBuilder.type(
                    org.apache.kafka.connect.data.Schema.Type.valueOf(schema.type().name()));
        }
        if (schema.isOptional()) {
            b.optional();
        }
        if (schema.name() != null) {
            b.name(schema.name());
        }
        if (schema.version() != null) {
            b.version(schema.version());
        }
        if (schema.doc() != null) {
            b.doc(schema.doc());
        }
        if (schema.parameters() != null) {
            b.parameters(schema.parameters());
        }
        if (schema.defaultValue() != null) {
            b.defaultValue(toKafkaValue(b, schema.defaultValue()));
        }
        return b.build();
    }

    public static Object toKafka(Schema schema, Object value) {
        return toKafkaValue(schema == null ? null : toKafka(schema), value);
    }

    private static Object toKafkaValue(org.apache.kafka.connect.data.Schema kafkaSchema, Object value) {
        if (value instanceof Struct s) {
            org.apache.kafka.connect.data.Schema ks = kafkaSchema != null
                    && kafkaSchema.type() == org.apache.kafka.connect.data.Schema.Type.STRUCT ? kafkaSchema
                    : toKafka(s.schema());
            org.apache.kafka.connect.data.Struct k = new org.apache.kafka.connect.data.Struct(ks);
            for (Field f : s.schema().fields()) {
                k.put(f.name(), toKafkaValue(ks.field(f.name()).schema(), s.getWithoutDefault(f.name())));
            }
            return k;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(toKafkaValue(kafkaSchema == null ? null : kafkaSchema.valueSchema(), o));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(toKafkaValue(kafkaSchema == null ? null : kafkaSchema.keySchema(), k),
                    toKafkaValue(kafkaSchema == null ? null : kafkaSchema.valueSchema(), v)));
            return out;
        }
        return value;
    }

    public static Schema fromKafka(org.apache.kafka.connect.data.Schema schema) {
        if (schema == null) {
            return null;
        }
        SchemaBuilder b;
        switch (schema.type()) {
            case ARRAY -> b = SchemaBuilder.array(fromKafka(schema.valueSchema()));
            case MAP -> b = SchemaBuilder.map(fromKafka(schema.keySchema()), fromKafka(schema.valueSchema()));
            case STRUCT -> {
                b = SchemaBuilder.struct();
                for (org.apache.kafka.connect.data.Field f : schema.fields()) {
                    b.field(f.name(), fromKafka(f.schema()));
                }
            }
            default -> b = SchemaBuilder.type(Schema.Type.valueOf(schema.type().name()));
        }
        if (schema.isOptional()) {
            b.optional();
        }
        if (schema.name() != null) {
            b.name(schema.name());
        }
        if (schema.version() != null) {
            b.version(schema.version());
        }
        if (schema.doc() != null) {
            b.doc(schema.doc());
        }
        if (schema.parameters() != null) {
            b.parameters(schema.parameters());
        }
        if (schema.defaultValue() != null) {
            b.defaultValue(fromKafkaValue(b, schema.defaultValue()));
        }
        return b.build();
    }

    public static Object fromKafka(org.apache.kafka.connect.data.Schema kafkaSchema, Object value) {
        return fromKafkaValue(kafkaSchema == null ? null : fromKafka(kafkaSchema), value);
    }

    private static Object fromKafkaValue(Schema schema, Object value) {
        if (value instanceof org.apache.kafka.connect.data.Struct k) {
            Schema s = schema != null && schema.type() == Schema.Type.STRUCT ? schema : fromKafka(k.schema());
            Struct out = new Struct(s);
            for (org.apache.kafka.connect.data.Field f : k.schema().fields()) {
                out.put(f.name(), fromKafkaValue(s.field(f.name()).schema(), k.getWithoutDefault(f.name())));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(fromKafkaValue(schema == null ? null : schema.valueSchema(), o));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(fromKafkaValue(schema == null ? null : schema.keySchema(), k),
                    fromKafkaValue(schema == null ? null : schema.valueSchema(), v)));
            return out;
        }
        return value;
    }
}
