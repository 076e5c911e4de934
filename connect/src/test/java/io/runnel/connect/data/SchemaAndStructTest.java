package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;
import io.runnel.connect.errors.SchemaBuilderException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaAndStructTest {

    private static final Schema PERSON = SchemaBuilder.struct().name("Person")
            .field("name", Schema.STRING_SCHEMA)
            .field("age", SchemaBuilder.int32().optional().defaultValue(18).build())
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .build();

    @Test
    void shouldBuildSchemasWithEveryProperty() {
        Schema s = SchemaBuilder.int64().name("n").version(2).doc("d").parameter("a", "b").optional()
                .defaultValue(5L).build();

        assertThat(s.type()).isEqualTo(Schema.Type.INT64);
        assertThat(s.isOptional()).isTrue();
        assertThat(s.defaultValue()).isEqualTo(5L);
        assertThat(s.name()).isEqualTo("n");
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.doc()).isEqualTo("d");
        assertThat(s.parameters()).containsEntry("a", "b");
        assertThat(s).isEqualTo(SchemaBuilder.int64().name("n").version(2).doc("d").parameter("a", "b").optional()
                .defaultValue(5L).build());
        assertThat(s.toString()).isEqualTo("Schema{n:INT64}");
    }

    @Test
    void shouldRejectSettingAPropertyTwice() {
        assertThatThrownBy(() -> SchemaBuilder.string().name("a").name("b"))
                .isInstanceOf(SchemaBuilderException.class).hasMessageContaining("name has already been set");
    }

    @Test
    void shouldRejectADefaultThatDoesNotFitTheSchema() {
        assertThatThrownBy(() -> SchemaBuilder.int32().defaultValue("x"))
                .isInstanceOf(SchemaBuilderException.class).hasMessageContaining("Invalid default value");
    }

    @Test
    void shouldRejectFieldsOnNonStructsAndDuplicateFields() {
        assertThatThrownBy(() -> SchemaBuilder.int32().field("a", Schema.INT32_SCHEMA))
                .isInstanceOf(SchemaBuilderException.class).hasMessageContaining("Cannot create fields on type INT32");
        assertThatThrownBy(() -> SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("a", Schema.INT8_SCHEMA))
                .isInstanceOf(SchemaBuilderException.class).hasMessageContaining("duplication a");
    }

    @Test
    void shouldValidateValuesAsTheyArePut() {
        Struct s = new Struct(PERSON);

        assertThatThrownBy(() -> s.put("name", 1)).isInstanceOf(DataException.class)
                .hasMessageContaining("java.lang.Integer").hasMessageContaining("STRING");
        assertThatThrownBy(() -> s.put("missing", "x")).isInstanceOf(DataException.class)
                .hasMessageContaining("missing is not a valid field name");
        assertThatThrownBy(() -> s.put("tags", List.of(1))).isInstanceOf(DataException.class);
    }

    @Test
    void shouldReportAMissingRequiredFieldOnValidate() {
        Struct s = new Struct(PERSON).put("age", 3);

        assertThatThrownBy(s::validate).isInstanceOf(DataException.class).hasMessageContaining("\"name\"");
    }

    @Test
    void shouldReturnTheDefaultForAnUnsetField() {
        Struct s = new Struct(PERSON).put("name", "a");

        assertThat(s.get("age")).isEqualTo(18);
        assertThat(s.getWithoutDefault("age")).isNull();
        assertThat(s.getInt32("age")).isNull();
        assertThat(s.toString()).isEqualTo("Struct{name=a}");
        assertThatThrownBy(() -> s.getString("age")).isInstanceOf(DataException.class)
                .hasMessageContaining("not of type STRING");
    }

    @Test
    void shouldConvertLogicalTypesBothWays() {
        java.util.Date day = new java.util.Date(3L * 24 * 3600 * 1000);
        assertThat(Date.fromLogical(Date.SCHEMA, day)).isEqualTo(3);
        assertThat(Date.toLogical(Date.SCHEMA, 3)).isEqualTo(day);
        assertThatThrownBy(() -> Date.fromLogical(Date.SCHEMA, new java.util.Date(5)))
                .isInstanceOf(DataException.class).hasMessageContaining("time fields");
        assertThat(Time.fromLogical(Time.SCHEMA, new java.util.Date(1234))).isEqualTo(1234);
        assertThatThrownBy(() -> Time.fromLogical(Time.SCHEMA, day)).isInstanceOf(DataException.class);
        assertThat(Timestamp.fromLogical(Timestamp.SCHEMA, new java.util.Date(-5))).isEqualTo(-5L);
        BigDecimal d = new BigDecimal("-1.25");
        assertThat(Decimal.toLogical(Decimal.schema(2), Decimal.fromLogical(Decimal.schema(2), d))).isEqualTo(d);
        assertThatThrownBy(() -> Decimal.fromLogical(Decimal.schema(3), d)).isInstanceOf(DataException.class)
                .hasMessageContaining("Expected scale: 3, got: 2");
        assertThatThrownBy(() -> Date.fromLogical(Schema.INT32_SCHEMA, day)).isInstanceOf(DataException.class);
    }

    @Test
    void shouldInferSchemaTypesOfJavaClasses() {
        assertThat(ConnectSchema.schemaType(java.util.ArrayList.class)).isEqualTo(Schema.Type.ARRAY);
        assertThat(ConnectSchema.schemaType(java.util.HashMap.class)).isEqualTo(Schema.Type.MAP);
        assertThat(ConnectSchema.schemaType(java.nio.ByteBuffer.allocate(1).getClass())).isEqualTo(Schema.Type.BYTES);
        assertThat(ConnectSchema.schemaType(Object.class)).isNull();
        assertThat(Values.inferSchema(Map.of("a", 1))).isEqualTo(SchemaBuilder.map(Schema.STRING_SCHEMA,
                Schema.INT32_SCHEMA).build());
    }
}
