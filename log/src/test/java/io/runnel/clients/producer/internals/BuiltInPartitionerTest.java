package io.runnel.clients.producer.internals;

import io.runnel.common.Cluster;
import io.runnel.common.Node;
import io.runnel.common.PartitionInfo;
import io.runnel.common.utils.Utils;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInPartitionerTest {

    @Test
    void shouldPlaceEveryKeyOnKafkasPartitionForOneToTwelvePartitions() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] key = new byte[random.nextInt(40)];
            random.nextBytes(key);
            for (int n = 1; n <= 12; n++) {
                int kafka = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(key, n);
                assertThat(BuiltInPartitioner.partitionForKey(key, n)).as("key %s over %d partitions", i, n)
                        .isEqualTo(kafka);
            }
        }
    }

    @Test
    void shouldPlaceStringKeysLikeKafka() {
        for (String k : List.of("", "a", "ab", "abc", "abcd", "order-1", "customer-42", "ünïcödé", "x".repeat(1000))) {
            byte[] key = k.getBytes(StandardCharsets.UTF_8);
            assertThat(Utils.murmur2(key)).isEqualTo(org.apache.kafka.common.utils.Utils.murmur2(key));
            for (int n = 1; n <= 12; n++) {
                assertThat(BuiltInPartitioner.partitionForKey(key, n))
                        .isEqualTo(org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(key, n));
            }
        }
    }

    @Property(tries = 500)
    void murmur2_matchesKafka(@ForAll @Size(max = 64) byte[] key) {
        assertThat(Utils.murmur2(key)).isEqualTo(org.apache.kafka.common.utils.Utils.murmur2(key));
    }

    @Property(tries = 200)
    void toPositive_matchesKafka(@ForAll int n, @ForAll @IntRange(min = 1, max = 12) int partitions) {
        assertThat(Utils.toPositive(n) % partitions)
                .isEqualTo(org.apache.kafka.common.utils.Utils.toPositive(n) % partitions);
    }

    @Test
    void shouldKeepTheStickyPartitionUntilItsBatchIsComplete() {
        Cluster cluster = cluster("t", 6);
        BuiltInPartitioner p = new BuiltInPartitioner();
        int first = p.stickyPartition("t", cluster);
        for (int i = 0; i < 10; i++) {
            assertThat(p.stickyPartition("t", cluster)).isEqualTo(first);
        }
        Set<Integer> seen = new HashSet<>();
        int current = first;
        for (int i = 0; i < 200; i++) {
            p.onNewBatch("t", cluster, current);
            int next = p.stickyPartition("t", cluster);
            assertThat(next).isNotEqualTo(current);
            seen.add(next);
            current = next;
        }
        assertThat(seen).hasSize(6);
    }

    @Test
    void shouldNotMoveTheStickyPartitionWhenAnotherPartitionsBatchCompletes() {
        Cluster cluster = cluster("t", 4);
        BuiltInPartitioner p = new BuiltInPartitioner();
        int sticky = p.stickyPartition("t", cluster);
        p.onNewBatch("t", cluster, (sticky + 1) % 4);
        assertThat(p.stickyPartition("t", cluster)).isEqualTo(sticky);
    }

    static Cluster cluster(String topic, int partitions) {
        Node node = new Node(0, "file:///tmp/x", -1);
        List<PartitionInfo> ps = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            ps.add(new PartitionInfo(topic, i, node, new Node[]{node}, new Node[]{node}));
        }
        return new Cluster("c", List.of(node), ps, Set.of(), Set.of());
    }
}
