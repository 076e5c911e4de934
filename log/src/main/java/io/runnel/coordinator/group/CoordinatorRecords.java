package io.runnel.coordinator.group;

import io.runnel.common.TopicPartition;
import io.runnel.common.errors.CorruptRecordException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/*
 * The records of __consumer_offsets, in Apache Kafka's group coordinator schemas (non-flexible versions), so
 * Kafka's tools can read the topic and Runnel can read one Kafka wrote. Every record has a key; a null value is a
 * tombstone (compaction removes the key). Strings are int16 length + UTF-8 (nullable: length -1), byte arrays
 * int32 length + bytes, all big-endian.
 *
 *   key  = version:int16 | body
 *     version 0, 1  OffsetCommitKey    group:string | topic:string | partition:int32
 *     version 2     GroupMetadataKey   group:string
 *
 *   OffsetCommitValue (written as version 3; versions 0..3 read)
 *     version:int16 | offset:int64 | [v3: leaderEpoch:int32] | metadata:string | commitTimestamp:int64
 *                   | [v1 only: expireTimestamp:int64]
 *
 *   GroupMetadataValue (written as version 3; versions 0..3 read)
 *     version:int16 | protocolType:string | generation:int32 | protocol:nullable string | leader:nullable string
 *                   | [v2+: currentStateTimestamp:int64] | members:int32 count, each:
 *        memberId:string | [v3: groupInstanceId:nullable string] | clientId:string | clientHost:string
 *        | [v1+: rebalanceTimeout:int32] | sessionTimeout:int32 | subscription:bytes | assignment:bytes
 *
 * Version 4 of the values is a flexible (tagged-field) version Kafka 4.x can write for new features; reading
 * it fails with a clear CorruptRecordException naming the version.
 */
final class CoordinatorRecords {

    static final short OFFSET_COMMIT_KEY_VERSION = 1;
    static final short GROUP_METADATA_KEY_VERSION = 2;
    static final short OFFSET_COMMIT_VALUE_VERSION = 3;
    static final short GROUP_METADATA_VALUE_VERSION = 3;

    private CoordinatorRecords() {
    }

    /** A decoded key: either an offset commit key (partition != null) or a group metadata key. */
    record Key(String group, TopicPartition partition) {
        boolean isOffsetKey() {
            return partition != null;
        }
    }

    /** A decoded offset commit value. */
    record OffsetValue(long offset, int leaderEpoch, String metadata, long commitTimestamp) {
    }

    /** A member inside a group metadata value. */
    record MemberValue(String memberId, String groupInstanceId, String clientId, String clientHost,
                       int rebalanceTimeoutMs, int sessionTimeoutMs, byte[] subscription, byte[] assignment) {
    }

    /** A decoded group metadata value. */
    record GroupValue(String protocolType, int generation, String protocol, String leader, long currentStateTimestamp,
                      List<MemberValue> members) {
    }

    static byte[] offsetKey(String group, TopicPartition tp) {
        ByteBuffer b = ByteBuffer.allocate(2 + sizeOf(group) + sizeOf(tp.topic()) + 4);
        b.putShort(OFFSET_COMMIT_KEY_VERSION);
        putString(b, group);
        putString(b, tp.topic());
        b.putInt(tp.partition());
        return b.array();
    }

    static byte[] groupKey(String group) {
        ByteBuffer b = ByteBuffer.allocate(2 + sizeOf(group));
        b.putShort(GROUP_METADATA_KEY_VERSION);
        putString(b, group);
        return b.array();
    }

    static byte[] offsetValue(OffsetValue v) {
        ByteBuffer b = ByteBuffer.allocate(2 + 8 + 4 + sizeOf(v.metadata()) + 8);
        b.putShort(OFFSET_COMMIT_VALUE_VERSION);
        b.putLong(v.offset());
        b.putInt(v.leaderEpoch());
        putString(b, v.metadata());
        b.putLong(v.commitTimestamp());
        return b.array();
    }

    static byte[] groupValue(GroupValue v) {
        int size = 2 + sizeOf(v.protocolType()) + 4 + sizeOf(v.protocol()) + sizeOf(v.leader()) + 8 + 4;
        for (MemberValue m : v.members()) {
            size += sizeOf(m.memberId()) + sizeOf(m.groupInstanceId()) + sizeOf(m.clientId()) + sizeOf(m.clientHost())
                    + 4 + 4 + 4 + m.subscription().length + 4 + m.assignment().length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putShort(GROUP_METADATA_VALUE_VERSION);
        putString(b, v.protocolType());
        b.putInt(v.generation());
        putString(b, v.protocol());
        putString(b, v.leader());
        b.putLong(v.currentStateTimestamp());
        b.putInt(v.members().size());
        for (MemberValue m : v.members()) {
            putString(b, m.memberId());
            putString(b, m.groupInstanceId());
            putString(b, m.clientId());
            putString(b, m.clientHost());
            b.putInt(m.rebalanceTimeoutMs());
            b.putInt(m.sessionTimeoutMs());
            b.putInt(m.subscription().length).put(m.subscription());
            b.putInt(m.assignment().length).put(m.assignment());
        }
        return b.array();
    }

    static Key readKey(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        try {
            short version = b.getShort();
            if (version == 0 || version == 1) {
                String group = getString(b);
                String topic = getString(b);
                return new Key(group, new TopicPartition(topic, b.getInt()));
            }
            if (version == 2) {
                return new Key(getString(b), null);
            }
            return null;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptRecordException("Malformed __consumer_offsets key: " + e, e);
        }
    }

    static OffsetValue readOffsetValue(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        try {
            short version = b.getShort();
            if (version < 0 || version > 3) {
                throw new CorruptRecordException("Unsupported OffsetCommitValue version " + version
                        + " in __consumer_offsets: Runnel reads versions 0 to 3");
            }
            long offset = b.getLong();
            int epoch = version >= 3 ? b.getInt() : -1;
            String metadata = getString(b);
            long commitTimestamp = b.getLong();
            return new OffsetValue(offset, epoch, metadata == null ? "" : metadata, commitTimestamp);
        } catch (BufferUnderflowException e) {
            throw new CorruptRecordException("Malformed OffsetCommitValue in __consumer_offsets", e);
        }
    }

    static GroupValue readGroupValue(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        try {
            short version = b.getShort();
            if (version < 0 || version > 3) {
                throw new CorruptRecordException("Unsupported GroupMetadataValue version " + version
                        + " in __consumer_offsets: Runnel reads versions 0 to 3");
            }
            String protocolType = getString(b);
            int generation = b.getInt();
            String protocol = getString(b);
            String leader = getString(b);
            long stateTimestamp = version >= 2 ? b.getLong() : -1L;
            int count = b.getInt();
            List<MemberValue> members = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String memberId = getString(b);
                String instanceId = version >= 3 ? getString(b) : null;
                String clientId = getString(b);
                String clientHost = getString(b);
                int rebalanceTimeout = version >= 1 ? b.getInt() : -1;
                int sessionTimeout = b.getInt();
                byte[] subscription = getBytes(b);
                byte[] assignment = getBytes(b);
                members.add(new MemberValue(memberId, instanceId, clientId, clientHost, rebalanceTimeout, sessionTimeout,
                        subscription, assignment));
            }
            return new GroupValue(protocolType, generation, protocol, leader, stateTimestamp, members);
        } catch (BufferUnderflowException e) {
            throw new CorruptRecordException("Malformed GroupMetadataValue in __consumer_offsets", e);
        }
    }

    private static int sizeOf(String s) {
        return 2 + (s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length);
    }

    private static void putString(ByteBuffer b, String s) {
        if (s == null) {
            b.putShort((short) -1);
            return;
        }
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

    private static byte[] getBytes(ByteBuffer b) {
        int len = b.getInt();
        if (len < 0) {
            return new byte[0];
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return bytes;
    }
}
