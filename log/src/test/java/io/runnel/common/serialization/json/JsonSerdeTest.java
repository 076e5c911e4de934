package io.runnel.common.serialization.json;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerdeTest {

    record Order(String id, long amountCents, List<String> tags) {
    }

    /** A classic bean. */
    public static class Customer {
        private String name;
        private int age;

        /** For Jackson. */
        public Customer() {
        }

        Customer(String name, int age) {
            this.name = name;
            this.age = age;
        }

        /** @return the name */
        public String getName() {
            return name;
        }

        /** @param name the name */
        public void setName(String name) {
            this.name = name;
        }

        /** @return the age */
        public int getAge() {
            return age;
        }

        /** @param age the age */
        public void setAge(int age) {
            this.age = age;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Customer c && Objects.equals(name, c.name) && age == c.age;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age);
        }
    }

    @Test
    void shouldRoundTripARecordAsPlainJson() {
        Serde<Order> serde = JsonSerde.of(Order.class);
        Order order = new Order("o-1", 1999, List.of("gift"));
        byte[] bytes = serde.serializer().serialize("orders", order);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"o-1\",\"amountCents\":1999,\"tags\":[\"gift\"]}");
        assertThat(serde.deserializer().deserialize("orders", bytes)).isEqualTo(order);
        assertThat(serde.serializer().serialize("orders", null)).isNull();
        assertThat(serde.deserializer().deserialize("orders", null)).isNull();
    }

    @Test
    void shouldRoundTripAPojoAndIgnoreUnknownProperties() {
        Serde<Customer> serde = new JsonSerde<>(Customer.class);
        Customer customer = new Customer("Ada", 36);
        assertThat(serde.deserializer().deserialize("c", serde.serializer().serialize("c", customer)))
                .isEqualTo(customer);
        assertThat(serde.deserializer().deserialize("c",
                "{\"name\":\"Bo\",\"age\":2,\"extra\":true}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Customer("Bo", 2));
    }

    @Test
    void shouldRejectBadJsonNamingTheTypeAndTheBytes() {
        Serde<Order> serde = JsonSerde.of(Order.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("orders",
                "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining(Order.class.getName())
                .hasMessageContaining("{not json");
        assertThatThrownBy(() -> serde.deserializer().deserialize("orders",
                "{\"amountCents\":\"lots\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("lots");
    }

    /** Jackson cannot write a class with no properties. */
    static final class Opaque {
    }

    @Test
    void shouldRejectUnwritableObjects() {
        JsonSerializer<Object> serializer = new JsonSerializer<>();
        assertThatThrownBy(() -> serializer.serialize("t", new Opaque()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Opaque");
    }
}
