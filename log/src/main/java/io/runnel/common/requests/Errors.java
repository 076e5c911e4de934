package io.runnel.common.requests;

import io.runnel.common.RunnelException;
import io.runnel.common.config.ConfigException;
import io.runnel.common.errors.CoordinatorLoadInProgressException;
import io.runnel.common.errors.CoordinatorNotAvailableException;
import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.errors.DuplicateSequenceException;
import io.runnel.common.errors.FencedInstanceIdException;
import io.runnel.common.errors.GroupIdNotFoundException;
import io.runnel.common.errors.GroupMaxSizeReachedException;
import io.runnel.common.errors.GroupNotEmptyException;
import io.runnel.common.errors.IllegalGenerationException;
import io.runnel.common.errors.InconsistentGroupProtocolException;
import io.runnel.common.errors.InvalidCommitOffsetSizeException;
import io.runnel.common.errors.InvalidConfigurationException;
import io.runnel.common.errors.InvalidFetchSizeException;
import io.runnel.common.errors.InvalidGroupIdException;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.InvalidProducerEpochException;
import io.runnel.common.errors.InvalidRecordException;
import io.runnel.common.errors.InvalidReplicationFactorException;
import io.runnel.common.errors.InvalidRequestException;
import io.runnel.common.errors.InvalidRequiredAcksException;
import io.runnel.common.errors.InvalidSessionTimeoutException;
import io.runnel.common.errors.InvalidTimestampException;
import io.runnel.common.errors.InvalidTopicException;
import io.runnel.common.errors.InvalidTxnStateException;
import io.runnel.common.errors.NetworkException;
import io.runnel.common.errors.NotCoordinatorException;
import io.runnel.common.errors.OffsetMetadataTooLarge;
import io.runnel.common.errors.OffsetOutOfRangeException;
import io.runnel.common.errors.OutOfOrderSequenceException;
import io.runnel.common.errors.ProducerFencedException;
import io.runnel.common.errors.RebalanceInProgressException;
import io.runnel.common.errors.RecordTooLargeException;
import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.errors.UnknownMemberIdException;
import io.runnel.common.errors.UnknownProducerIdException;
import io.runnel.common.errors.UnknownServerException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.errors.UnsupportedVersionException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Error codes carried by responses, with Apache Kafka's numeric codes and names (the protocol guide's "Error
 * Codes" table), so the wire-protocol server maps them 1:1. Each maps to the Runnel exception a client throws for
 * it ({@link #exception(String)}) and back ({@link #forException(Throwable)}).
 *
 * <p>Only the errors Runnel can return or a client must handle are listed; {@link #forCode(short)} maps any other
 * code to {@link #UNKNOWN_SERVER_ERROR}.
 */
public enum Errors {
    /** An unexpected server failure. */
    UNKNOWN_SERVER_ERROR(-1, "The server failed unexpectedly while handling the request.", UnknownServerException::new),
    /** Success. */
    NONE(0, null, m -> null),
    /** The offset is outside the partition's log start .. log end offsets. */
    OFFSET_OUT_OF_RANGE(1, "The offset is outside the range of offsets the partition holds.", OffsetOutOfRangeException::new),
    /** A batch failed its size, magic or CRC checks. */
    CORRUPT_MESSAGE(2, "A record batch failed its CRC, size or format checks.", CorruptRecordException::new),
    /** The topic or partition does not exist. */
    UNKNOWN_TOPIC_OR_PARTITION(3, "The topic or partition does not exist.", UnknownTopicOrPartitionException::new),
    /** A fetch asked for a non-positive byte limit. */
    INVALID_FETCH_SIZE(4, "The fetch size is invalid.", InvalidFetchSizeException::new),
    /** The request timed out on the server. */
    REQUEST_TIMED_OUT(7, "The request timed out.", TimeoutException::new),
    /** A batch is larger than {@code max.message.bytes}. */
    MESSAGE_TOO_LARGE(10, "The record batch is larger than the topic's max.message.bytes.", RecordTooLargeException::new),
    /** Offset metadata longer than {@code offset.metadata.max.bytes}. */
    OFFSET_METADATA_TOO_LARGE(12, "The offset metadata is longer than offset.metadata.max.bytes.", OffsetMetadataTooLarge::new),
    /** The response was lost. */
    NETWORK_EXCEPTION(13, "The connection was lost before the response arrived.", NetworkException::new),
    /** The coordinator is loading. */
    COORDINATOR_LOAD_IN_PROGRESS(14, "The coordinator is loading its state.", CoordinatorLoadInProgressException::new),
    /** The coordinator is not available. */
    COORDINATOR_NOT_AVAILABLE(15, "The coordinator is not available.", CoordinatorNotAvailableException::new),
    /** This node is not the group's coordinator. */
    NOT_COORDINATOR(16, "This node is not the coordinator of the group.", NotCoordinatorException::new),
    /** An illegal topic name (or an operation on an internal topic that is not allowed). */
    INVALID_TOPIC_EXCEPTION(17, "The topic name is invalid.", InvalidTopicException::new),
    /** {@code acks} other than 0, 1, -1. */
    INVALID_REQUIRED_ACKS(21, "acks must be 0, 1 or -1 (all).", InvalidRequiredAcksException::new),
    /** The member's generation is stale. */
    ILLEGAL_GENERATION(22, "The member's generation is not the group's current generation.", IllegalGenerationException::new),
    /** No protocol in common with the group. */
    INCONSISTENT_GROUP_PROTOCOL(23, "The member's protocol type or assignors are incompatible with the group's.",
            InconsistentGroupProtocolException::new),
    /** Empty group id. */
    INVALID_GROUP_ID(24, "The group id is empty or null.", InvalidGroupIdException::new),
    /** Unknown member id. */
    UNKNOWN_MEMBER_ID(25, "The coordinator does not know this member id.", UnknownMemberIdException::new),
    /** Session timeout outside the allowed range. */
    INVALID_SESSION_TIMEOUT(26, "The session timeout is outside the range the broker allows.",
            InvalidSessionTimeoutException::new),
    /** The group is rebalancing. */
    REBALANCE_IN_PROGRESS(27, "The group is rebalancing; rejoin it.", RebalanceInProgressException::new),
    /** A commit too large for the offsets topic. */
    INVALID_COMMIT_OFFSET_SIZE(28, "The commit is too large for the offsets topic.", InvalidCommitOffsetSizeException::new),
    /** A record timestamp is invalid. */
    INVALID_TIMESTAMP(32, "A record timestamp is invalid.", InvalidTimestampException::new),
    /** Not supported. */
    UNSUPPORTED_VERSION(35, "The operation or version is not supported.", UnsupportedVersionException::new),
    /** The topic exists. */
    TOPIC_ALREADY_EXISTS(36, "The topic already exists.", TopicExistsException::new),
    /** Bad partition count. */
    INVALID_PARTITIONS(37, "The partition count is invalid.", InvalidPartitionsException::new),
    /** Replication factor other than 1. */
    INVALID_REPLICATION_FACTOR(38, "The replication factor is invalid.", InvalidReplicationFactorException::new),
    /** Bad configuration. */
    INVALID_CONFIG(40, "The configuration is invalid.", InvalidConfigurationException::new),
    /** Malformed request. */
    INVALID_REQUEST(42, "The request is malformed.", InvalidRequestException::new),
    /** Sequence gap of an idempotent producer. */
    OUT_OF_ORDER_SEQUENCE_NUMBER(45, "The broker received an out of order sequence number.",
            OutOfOrderSequenceException::new),
    /** Duplicate sequence. */
    DUPLICATE_SEQUENCE_NUMBER(46, "The broker received a duplicate sequence number.", DuplicateSequenceException::new),
    /** Stale producer epoch. */
    INVALID_PRODUCER_EPOCH(47, "The producer epoch is older than the one the log knows.", InvalidProducerEpochException::new),
    /** Transactions are not supported. */
    INVALID_TXN_STATE(48, "The producer attempted a transactional operation in an invalid state.",
            InvalidTxnStateException::new),
    /** A storage failure. */
    KAFKA_STORAGE_ERROR(56, "The log directory failed.", RunnelStorageException::new),
    /** Unknown producer id. */
    UNKNOWN_PRODUCER_ID(59, "The log does not know the producer id.", UnknownProducerIdException::new),
    /** The group still has members. */
    NON_EMPTY_GROUP(68, "The group is not empty.", GroupNotEmptyException::new),
    /** The group does not exist. */
    GROUP_ID_NOT_FOUND(69, "The group does not exist.", GroupIdNotFoundException::new),
    /** {@code group.max.size} reached. */
    GROUP_MAX_SIZE_REACHED(81, "The group has reached group.max.size members.", GroupMaxSizeReachedException::new),
    /** A newer static member took this instance id. */
    FENCED_INSTANCE_ID(82, "Another member with the same group.instance.id fenced this one.", FencedInstanceIdException::new),
    /** The record is invalid (e.g. a null key on a compacted topic). */
    INVALID_RECORD(87, "A record is invalid.", InvalidRecordException::new),
    /** Producer fenced. */
    PRODUCER_FENCED(90, "A newer producer with the same id fenced this one.", ProducerFencedException::new);

    private static final Map<Short, Errors> BY_CODE = new HashMap<>();
    private static final Map<Class<?>, Errors> BY_EXCEPTION = new HashMap<>();

    static {
        for (Errors e : values()) {
            BY_CODE.put(e.code, e);
            RunnelException sample = e.exception(null);
            if (sample != null) {
                BY_EXCEPTION.putIfAbsent(sample.getClass(), e);
            }
        }
        BY_EXCEPTION.put(ConfigException.class, INVALID_CONFIG);
    }

    private final short code;
    private final String message;
    private final Function<String, RunnelException> builder;

    Errors(int code, String message, Function<String, RunnelException> builder) {
        this.code = (short) code;
        this.message = message;
        this.builder = builder;
    }

    /** @return Kafka's numeric code */
    public short code() {
        return code;
    }

    /** @return the default message, null for {@link #NONE} */
    public String message() {
        return message;
    }

    /**
     * @param message the server's description, or null for the default message
     * @return the exception a client throws for this error, or null for {@link #NONE}
     */
    public RunnelException exception(String message) {
        return builder.apply(message == null ? this.message : message);
    }

    /** @return the exception with the default message, or null for {@link #NONE} */
    public RunnelException exception() {
        return exception(null);
    }

    /**
     * @param code a Kafka error code
     * @return the error, or {@link #UNKNOWN_SERVER_ERROR} for a code Runnel does not list
     */
    public static Errors forCode(short code) {
        return BY_CODE.getOrDefault(code, UNKNOWN_SERVER_ERROR);
    }

    /**
     * Finds the error for an exception by its class, then its superclasses.
     *
     * @param t an exception (a {@code CompletionException} is unwrapped)
     * @return the error; {@link #NONE} for null, {@link #UNKNOWN_SERVER_ERROR} for an exception no error maps to
     */
    public static Errors forException(Throwable t) {
        if (t == null) {
            return NONE;
        }
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Errors e = BY_EXCEPTION.get(c);
            if (e != null) {
                return e;
            }
        }
        return UNKNOWN_SERVER_ERROR;
    }
}
