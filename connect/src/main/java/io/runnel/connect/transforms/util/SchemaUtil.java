package io.runnel.connect.transforms.util;

import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;

/** Copies schema metadata, as Kafka Connect's {@code SchemaUtil}. Stateless. */
public final class SchemaUtil {

    private SchemaUtil() {
    }

    /**
     * Copies name, version, doc and parameters (not optionality, default or fields).
     *
     * @param source  the schema to copy from
     * @param builder the builder to copy into
     * @return {@code builder}
     */
    public static SchemaBuilder copySchemaBasics(Schema source, SchemaBuilder builder) {
        builder.name(source.name());
        builder.version(source.version());
        builder.doc(source.doc());
        if (source.parameters() != null) {
            builder.parameters(source.parameters());
        }
        return builder;
    }

    /**
     * @param source a schema
     * @return a builder of the same type (and element, key and value schemas) with its basics copied
     */
    public static SchemaBuilder copySchemaBasics(Schema source) {
        SchemaBuilder builder = switch (source.type()) {
            case ARRAY -> SchemaBuilder.array(source.valueSchema());
            case MAP -> SchemaBuilder.map(source.keySchema(), source.valueSchema());
            default -> SchemaBuilder.type(source.type());
        };
        return copySchemaBasics(source, builder);
    }
}
