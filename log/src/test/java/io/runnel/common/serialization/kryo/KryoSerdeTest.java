package io.runnel.common.serialization.kryo;

import io.runnel.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KryoSerdeTest {

    /** No no-argument constructor, a cycle and shared references. */
    static final class Node {
        final String name;
        final List<Node> children = new ArrayList<>();
        Node parent;
        Map<String, Object> attributes = new HashMap<>();

        Node(String name) {
            this.name = name;
        }
    }

    record Point(int x, int y) {
    }

    @Test
    void shouldRoundTripAnArbitraryObjectGraphWithCyclesAndSharing() {
        Node root = new Node("root");
        Node child = new Node("child");
        child.parent = root;
        root.children.add(child);
        root.children.add(child);
        root.attributes.put("point", new Point(1, 2));
        root.attributes.put("self", root);
        KryoSerde<Node> serde = KryoSerde.of(Node.class);
        Node copy = serde.deserializer().deserialize("t", serde.serializer().serialize("t", root));
        assertThat(copy.name).isEqualTo("root");
        assertThat(copy.children).hasSize(2);
        assertThat(copy.children.get(0)).isSameAs(copy.children.get(1));
        assertThat(copy.children.get(0).parent).isSameAs(copy);
        assertThat(copy.attributes.get("self")).isSameAs(copy);
        assertThat(copy.attributes.get("point")).isEqualTo(new Point(1, 2));
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldRejectGarbageTrailingBytesAndTheWrongType() {
        KryoSerde<Point> points = KryoSerde.of(Point.class);
        assertThatThrownBy(() -> points.deserializer().deserialize("t", new byte[] {(byte) 0xFF, 1, 2, 3}))
                .isInstanceOf(SerializationException.class).hasMessageContaining(Point.class.getName());
        byte[] bytes = points.serializer().serialize("t", new Point(3, 4));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> points.deserializer().deserialize("t", longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not part of it");
        KryoSerde<String> strings = KryoSerde.of(String.class);
        assertThatThrownBy(() -> strings.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("reads java.lang.String");
    }

    @Test
    void shouldRefuseUnregisteredClassesWhenRegistrationIsRequired() {
        KryoSerde<Point> strict = new KryoSerde<>(Point.class, kryo -> kryo.setRegistrationRequired(true));
        assertThatThrownBy(() -> strict.serializer().serialize("t", new Point(1, 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not registered");
    }

    @Test
    void shouldBeUsableFromManyThreadsAtOnce() throws Exception {
        KryoSerde<Point> serde = KryoSerde.of(Point.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int base = t * 1000;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        Point p = new Point(base + i, -i);
                        if (!p.equals(serde.deserializer().deserialize("t", serde.serializer().serialize("t", p)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
