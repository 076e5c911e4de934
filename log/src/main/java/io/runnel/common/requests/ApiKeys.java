package io.runnel.common.requests;

/**
 * The APIs of the request/response seam between clients and the log, with Apache Kafka's API keys (the
 * protocol guide's "Api Keys" table), so the future wire-protocol server maps each request to Kafka's 1:1.
 */
public enum ApiKeys {
    /** Append record batches. */
    PRODUCE(0),
    /** Read record batches (long poll). */
    FETCH(1),
    /** Offsets by timestamp, earliest, latest. */
    LIST_OFFSETS(2),
    /** Topics, partitions, nodes; may auto-create topics. */
    METADATA(3),
    /** Commit a group's offsets. */
    OFFSET_COMMIT(8),
    /** Read a group's committed offsets. */
    OFFSET_FETCH(9),
    /** Find the coordinator of a group. */
    FIND_COORDINATOR(10),
    /** Join a group (classic protocol). */
    JOIN_GROUP(11),
    /** Keep a group membership alive. */
    HEARTBEAT(12),
    /** Leave a group. */
    LEAVE_GROUP(13),
    /** Send (leader) or receive (everyone) the assignment. */
    SYNC_GROUP(14),
    /** Describe groups and members. */
    DESCRIBE_GROUPS(15),
    /** List groups. */
    LIST_GROUPS(16),
    /** Create topics. */
    CREATE_TOPICS(19),
    /** Delete topics. */
    DELETE_TOPICS(20),
    /** Move log start offsets forward. */
    DELETE_RECORDS(21),
    /** Get a producer id and epoch for an idempotent producer. */
    INIT_PRODUCER_ID(22),
    /** Describe topic or broker configuration. */
    DESCRIBE_CONFIGS(32),
    /** Add partitions to topics. */
    CREATE_PARTITIONS(37),
    /** Delete groups. */
    DELETE_GROUPS(42),
    /** Set or delete individual configuration entries. */
    INCREMENTAL_ALTER_CONFIGS(44),
    /** Describe the cluster. */
    DESCRIBE_CLUSTER(60);

    /** Kafka's numeric API key. */
    public final short id;

    ApiKeys(int id) {
        this.id = (short) id;
    }
}
