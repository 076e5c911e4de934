package io.runnel.clients.consumer.internals;

import io.runnel.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.SerializationException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * Kafka's ConsumerProtocol (non-flexible versions, big-endian; strings are int16 length + UTF-8, nullable bytes
 * int32 length (-1 null) + bytes, arrays int32 count + elements):
 *
 *   Subscription (written as version 2; versions 0..3 read, later versions read as version 3)
 *     version:int16 | topics:[string] | userData:nullable bytes
 *     | v1+: ownedPartitions:[topic:string | partitions:[int32]] | v2+: generationId:int32 | v3+: rackId:nullable string
 *
 *   Assignment (written as version 2; every version has this layout)
 *     version:int16 | assignedPartitions:[topic:string | partitions:[int32]] | userData:nullable bytes
 *
 * These are the JoinGroup metadata and SyncGroup assignment bytes of protocol type "consumer", so Kafka's
 * consumers and Runnel's can share a group once the wire server exists.
 */
/**
 * Encodes and decodes the consumer's group protocol metadata in Kafka's {@code ConsumerProtocol} format.
 */
public final class ConsumerProtocol {

    /** The protocol type of consumer groups. */
    public static final String PROTOCOL_TYPE = "consumer";
    static final short SUBSCRIPTION_VERSION = 2;
    static final short ASSIGNMENT_VERSION = 2;

    private ConsumerProtocol() {
    }

    /**
     * @param s a subscription
     * @return its bytes (version 2)
     */
    public static ByteBuffer serializeSubscription(Subscription s) {
        Map<String, List<Integer>> owned = byTopic(s.ownedPartitions());
        int size = 2 + 4;
        for (String t : s.topics()) {
            size += stringSize(t);
        }
        size += 4 + (s.userData() == null ? 0 : s.userData().remaining());
        size += 4;
        for (Map.Entry<String, List<Integer>> e : owned.entrySet()) {
            size += stringSize(e.getKey()) + 4 + 4 * e.getValue().size();
        }
        size += 4;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putShort(SUBSCRIPTION_VERSION);
        b.putInt(s.topics().size());
        s.topics().forEach(t -> putString(b, t));
        putBytes(b, s.userData());
        putPartitions(b, owned);
        b.putInt(s.generationId().orElse(-1));
        return b.flip();
    }

    /**
     * @param buffer subscription bytes (any version 0..3 or later)
     * @return the subscription
     * @throws SerializationException if the bytes are malformed
     */
    public static Subscription deserializeSubscription(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        try {
            short version = b.getShort();
            if (version < 0) {
                throw new SerializationException("Invalid consumer subscription version " + version);
            }
            int n = b.getInt();
            List<String> topics = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                topics.add(getString(b));
            }
            ByteBuffer userData = getBytes(b);
            List<TopicPartition> owned = version >= 1 ? getPartitions(b) : List.of();
            int generation = version >= 2 ? b.getInt() : -1;
            return new Subscription(topics, userData, owned, generation);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("Malformed consumer subscription: " + e, e);
        }
    }

    /**
     * @param a an assignment
     * @return its bytes (version 2)
     */
    public static ByteBuffer serializeAssignment(Assignment a) {
        Map<String, List<Integer>> parts = byTopic(a.partitions());
        int size = 2 + 4;
        for (Map.Entry<String, List<Integer>> e : parts.entrySet()) {
            size += stringSize(e.getKey()) + 4 + 4 * e.getValue().size();
        }
        size += 4 + (a.userData() == null ? 0 : a.userData().remaining());
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putShort(ASSIGNMENT_VERSION);
        putPartitions(b, parts);
        putBytes(b, a.userData());
        return b.flip();
    }

    /**
     * @param buffer assignment bytes; empty bytes decode to an empty assignment
     * @return the assignment
     * @throws SerializationException if the bytes are malformed
     */
    public static Assignment deserializeAssignment(ByteBuffer buffer) {
        if (buffer == null || !buffer.hasRemaining()) {
            return new Assignment(List.of());
        }
        ByteBuffer b = buffer.duplicate();
        try {
            short version = b.getShort();
            if (version < 0) {
                throw new SerializationException("Invalid consumer assignment version " + version);
            }
            List<TopicPartition> partitions = getPartitions(b);
            return new Assignment(partitions, getBytes(b));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("Malformed consumer assignment: " + e, e);
        }
    }

    /**
     * @param buffer a ByteBuffer
     * @return its remaining bytes as an array (the buffer is not moved)
     */
    public static byte[] toArray(ByteBuffer buffer) {
        byte[] a = new byte[buffer.remaining()];
        buffer.duplicate().get(a);
        return a;
    }

    private static Map<String, List<Integer>> byTopic(List<TopicPartition> partitions) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            m.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        return m;
    }

    private static int stringSize(String s) {
        return 2 + s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putShort((short) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer b) {
        short len = b.getShort();
        if (len < 0) {
            return null;
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void putBytes(ByteBuffer b, ByteBuffer data) {
        if (data == null) {
            b.putInt(-1);
        } else {
            b.putInt(data.remaining()).put(data.duplicate());
        }
    }

    private static ByteBuffer getBytes(ByteBuffer b) {
        int len = b.getInt();
        if (len < 0) {
            return null;
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return ByteBuffer.wrap(bytes);
    }

    private static void putPartitions(ByteBuffer b, Map<String, List<Integer>> parts) {
        b.putInt(parts.size());
        for (Map.Entry<String, List<Integer>> e : parts.entrySet()) {
            putString(b, e.getKey());
            b.putInt(e.getValue().size());
            e.getValue().forEach(b::putInt);
        }
    }

    private static List<TopicPartition> getPartitions(ByteBuffer b) {
        int n = b.getInt();
        List<TopicPartition> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String topic = getString(b);
            int m = b.getInt();
            for (int j = 0; j < m; j++) {
                out.add(new TopicPartition(topic, b.getInt()));
            }
        }
        return out;
    }
}
