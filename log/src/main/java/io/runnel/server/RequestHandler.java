package io.runnel.server;

import io.runnel.common.Node;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.common.config.ConfigResource;
import io.runnel.common.errors.InvalidReplicationFactorException;
import io.runnel.common.errors.InvalidRequestException;
import io.runnel.common.errors.OffsetOutOfRangeException;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.internals.Topic;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.requests.ApiError;
import io.runnel.common.requests.CreatePartitionsRequest;
import io.runnel.common.requests.CreatePartitionsResponse;
import io.runnel.common.requests.CreateTopicsRequest;
import io.runnel.common.requests.CreateTopicsResponse;
import io.runnel.common.requests.DeleteGroupsRequest;
import io.runnel.common.requests.DeleteRecordsRequest;
import io.runnel.common.requests.DeleteRecordsResponse;
import io.runnel.common.requests.DeleteTopicsRequest;
import io.runnel.common.requests.DeleteTopicsResponse;
import io.runnel.common.requests.DescribeClusterRequest;
import io.runnel.common.requests.DescribeClusterResponse;
import io.runnel.common.requests.DescribeConfigsRequest;
import io.runnel.common.requests.DescribeConfigsResponse;
import io.runnel.common.requests.DescribeConfigsResponse.ConfigEntryData;
import io.runnel.common.requests.DescribeConfigsResponse.ConfigSource;
import io.runnel.common.requests.DescribeGroupsRequest;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.FetchRequest;
import io.runnel.common.requests.FetchResponse;
import io.runnel.common.requests.FindCoordinatorRequest;
import io.runnel.common.requests.FindCoordinatorResponse;
import io.runnel.common.requests.HeartbeatRequest;
import io.runnel.common.requests.IncrementalAlterConfigsRequest;
import io.runnel.common.requests.IncrementalAlterConfigsRequest.AlterableConfig;
import io.runnel.common.requests.IncrementalAlterConfigsResponse;
import io.runnel.common.requests.InitProducerIdRequest;
import io.runnel.common.requests.InitProducerIdResponse;
import io.runnel.common.requests.JoinGroupRequest;
import io.runnel.common.requests.LeaveGroupRequest;
import io.runnel.common.requests.ListGroupsRequest;
import io.runnel.common.requests.ListOffsetsRequest;
import io.runnel.common.requests.ListOffsetsResponse;
import io.runnel.common.requests.MetadataRequest;
import io.runnel.common.requests.MetadataResponse;
import io.runnel.common.requests.OffsetCommitRequest;
import io.runnel.common.requests.OffsetFetchRequest;
import io.runnel.common.requests.ProduceRequest;
import io.runnel.common.requests.ProduceResponse;
import io.runnel.common.requests.RequestContext;
import io.runnel.common.requests.SyncGroupRequest;
import io.runnel.common.utils.Time;
import io.runnel.coordinator.group.GroupCoordinator;
import io.runnel.log.FetchDataInfo;
import io.runnel.log.LogAppendInfo;
import io.runnel.log.LogConfig;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import io.runnel.log.Scheduler;
import io.runnel.log.TimestampAndOffset;
import io.runnel.log.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/*
 * Design notes for maintainers.
 *
 * Kafka's KafkaApis for one node: one method per API, each translating a request record into calls on the
 * LogManager, PartitionLog and GroupCoordinator and their outcomes (including exceptions) into a response record
 * with Kafka error codes. Nothing throws out of handle() for a well-formed request: a failure of one partition,
 * topic or group is that entry's error code, so the wire server can later map responses 1:1.
 *
 * Threads: handle() runs on the caller's thread (in-process: the client's own thread, e.g. the producer's
 * sender), so appends and reads cost no hand-off. Only two things complete later: a fetch that must wait for
 * fetch.min.bytes (a DelayedFetch woken by appends and by a timer on the request scheduler) and the group
 * coordinator's JoinGroup/SyncGroup. Neither holds a thread while waiting.
 */
/**
 * Serves requests against the embedded log (Kafka's {@code KafkaApis}): produce, fetch, list offsets,
 * metadata, the group and offset APIs (delegated to the {@link GroupCoordinator}), the admin APIs and
 * InitProducerId. The in-process transport calls it directly; the future wire-protocol server will too.
 *
 * <p>Thread-safe. {@link #handle} does not block on other clients: a long-poll fetch and a JoinGroup return
 * incomplete futures.
 */
public final class RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

    private final BrokerConfig config;
    private final LogManager logs;
    private final GroupCoordinator coordinator;
    private final ProducerIdManager producerIds;
    private final Scheduler requestScheduler;
    private final Node node;
    private final String clusterId;

    RequestHandler(BrokerConfig config, LogManager logs, GroupCoordinator coordinator, ProducerIdManager producerIds,
                   Scheduler requestScheduler, Time time, Node node, String clusterId) {
        this.config = config;
        this.logs = logs;
        this.coordinator = coordinator;
        this.producerIds = producerIds;
        this.requestScheduler = requestScheduler;
        this.node = node;
        this.clusterId = clusterId;
    }

    /**
     * Handles one request.
     *
     * @param <R>     the response type
     * @param context who sends it
     * @param request the request
     * @return the response future; completed at once except for waiting fetches and group joins/syncs
     * @throws IllegalArgumentException for a request type this handler does not know
     */
    public <R extends AbstractResponse> CompletableFuture<R> handle(RequestContext context, AbstractRequest<R> request) {
        if (request instanceof ProduceRequest r) {
            return cast(CompletableFuture.completedFuture(produce(r)));
        } else if (request instanceof FetchRequest r) {
            return cast(fetch(r));
        } else if (request instanceof ListOffsetsRequest r) {
            return cast(CompletableFuture.completedFuture(listOffsets(r)));
        } else if (request instanceof MetadataRequest r) {
            return cast(CompletableFuture.completedFuture(metadata(r)));
        } else if (request instanceof FindCoordinatorRequest r) {
            return cast(CompletableFuture.completedFuture(findCoordinator(r)));
        } else if (request instanceof JoinGroupRequest r) {
            return cast(coordinator.joinGroup(context, r));
        } else if (request instanceof SyncGroupRequest r) {
            return cast(coordinator.syncGroup(context, r));
        } else if (request instanceof HeartbeatRequest r) {
            return cast(coordinator.heartbeat(context, r));
        } else if (request instanceof LeaveGroupRequest r) {
            return cast(coordinator.leaveGroup(context, r));
        } else if (request instanceof OffsetCommitRequest r) {
            return cast(coordinator.commitOffsets(context, r));
        } else if (request instanceof OffsetFetchRequest r) {
            return cast(coordinator.fetchOffsets(context, r));
        } else if (request instanceof ListGroupsRequest r) {
            return cast(coordinator.listGroups(context, r));
        } else if (request instanceof DescribeGroupsRequest r) {
            return cast(coordinator.describeGroups(context, r));
        } else if (request instanceof DeleteGroupsRequest r) {
            return cast(coordinator.deleteGroups(context, r));
        } else if (request instanceof CreateTopicsRequest r) {
            return cast(CompletableFuture.completedFuture(createTopics(r)));
        } else if (request instanceof DeleteTopicsRequest r) {
            return cast(CompletableFuture.completedFuture(deleteTopics(r)));
        } else if (request instanceof CreatePartitionsRequest r) {
            return cast(CompletableFuture.completedFuture(createPartitions(r)));
        } else if (request instanceof DescribeConfigsRequest r) {
            return cast(CompletableFuture.completedFuture(describeConfigs(r)));
        } else if (request instanceof IncrementalAlterConfigsRequest r) {
            return cast(CompletableFuture.completedFuture(alterConfigs(r)));
        } else if (request instanceof DeleteRecordsRequest r) {
            return cast(CompletableFuture.completedFuture(deleteRecords(r)));
        } else if (request instanceof InitProducerIdRequest r) {
            return cast(CompletableFuture.completedFuture(initProducerId(r)));
        } else if (request instanceof DescribeClusterRequest) {
            return cast(CompletableFuture.completedFuture(new DescribeClusterResponse(Errors.NONE, clusterId, node.id(),
                    List.of(node))));
        }
        throw new IllegalArgumentException("Unknown request type " + request.getClass().getName());
    }

    // Each branch of handle() pairs a request type with its own response type (AbstractRequest<R>), so the
    // future's type is R; the compiler cannot see that through instanceof.
    @SuppressWarnings("unchecked")
    private static <R extends AbstractResponse> CompletableFuture<R> cast(CompletableFuture<? extends AbstractResponse> f) {
        return (CompletableFuture<R>) f;
    }

    // ------------------------------------------------------------------------------------------------ produce

    private ProduceResponse produce(ProduceRequest req) {
        Map<TopicPartition, ProduceResponse.PartitionResponse> out = new LinkedHashMap<>();
        if (req.transactionalId() != null) {
            req.partitionRecords().keySet().forEach(tp -> out.put(tp, ProduceResponse.PartitionResponse.failed(
                    Errors.UNSUPPORTED_VERSION, "transactions are not supported yet")));
            return new ProduceResponse(out);
        }
        if (req.acks() != 0 && req.acks() != 1 && req.acks() != -1) {
            req.partitionRecords().keySet().forEach(tp -> out.put(tp, ProduceResponse.PartitionResponse.failed(
                    Errors.INVALID_REQUIRED_ACKS, "acks=" + req.acks() + " is invalid: use 0, 1 or -1 (all)")));
            return new ProduceResponse(out);
        }
        for (Map.Entry<TopicPartition, MemoryRecords> e : req.partitionRecords().entrySet()) {
            TopicPartition tp = e.getKey();
            if (Topic.isInternal(tp.topic())) {
                out.put(tp, ProduceResponse.PartitionResponse.failed(Errors.INVALID_TOPIC_EXCEPTION,
                        "Cannot append to internal topic " + tp.topic()));
                continue;
            }
            try {
                LogAppendInfo info = logs.log(tp).append(e.getValue());
                out.put(tp, new ProduceResponse.PartitionResponse(Errors.NONE, info.firstOffset(), info.logAppendTime(),
                        info.logStartOffset(), null));
            } catch (RuntimeException ex) {
                out.put(tp, ProduceResponse.PartitionResponse.failed(Errors.forException(ex), ex.getMessage()));
            }
        }
        return new ProduceResponse(out);
    }

    // ------------------------------------------------------------------------------------------------ fetch

    private CompletableFuture<FetchResponse> fetch(FetchRequest req) {
        DelayedFetch.ReadResult first = readFetch(req);
        if (req.maxWaitMs() <= 0 || first.bytes() >= req.minBytes() || first.hasError() || req.fetchData().isEmpty()) {
            return CompletableFuture.completedFuture(first.response());
        }
        DelayedFetch delayed = new DelayedFetch(req, this::readFetch, tp -> logs.getLog(tp)
                .map(l -> l.newDataFuture(l.logEndOffset())).orElse(null));
        delayed.start(requestScheduler);
        return delayed.result();
    }

    private DelayedFetch.ReadResult readFetch(FetchRequest req) {
        Map<TopicPartition, FetchResponse.PartitionData> out = new LinkedHashMap<>();
        int remaining = Math.max(0, req.maxBytes());
        int bytes = 0;
        boolean error = false;
        boolean minOneMessage = true;
        for (Map.Entry<TopicPartition, FetchRequest.PartitionData> e : req.fetchData().entrySet()) {
            TopicPartition tp = e.getKey();
            FetchRequest.PartitionData d = e.getValue();
            Optional<PartitionLog> maybeLog = logs.getLog(tp);
            if (maybeLog.isEmpty()) {
                out.put(tp, fetchError(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1, -1,
                        "Partition " + tp + " does not exist"));
                error = true;
                continue;
            }
            PartitionLog pl = maybeLog.get();
            if (d.maxBytes() <= 0) {
                out.put(tp, fetchError(Errors.INVALID_FETCH_SIZE, pl.highWatermark(), pl.logStartOffset(),
                        "max.partition.fetch.bytes must be positive, got " + d.maxBytes()));
                error = true;
                continue;
            }
            try {
                int limit = Math.min(d.maxBytes(), remaining);
                if (limit <= 0 && !minOneMessage) {
                    out.put(tp, new FetchResponse.PartitionData(Errors.NONE, pl.highWatermark(), pl.highWatermark(),
                            pl.logStartOffset(), MemoryRecords.EMPTY, null));
                    continue;
                }
                FetchDataInfo info = pl.read(d.fetchOffset(), Math.max(1, limit), minOneMessage);
                int size = info.records().sizeInBytes();
                if (size > 0) {
                    minOneMessage = false;
                }
                remaining -= size;
                bytes += size;
                out.put(tp, new FetchResponse.PartitionData(Errors.NONE, info.highWatermark(), info.highWatermark(),
                        info.logStartOffset(), info.records(), null));
            } catch (OffsetOutOfRangeException ex) {
                out.put(tp, fetchError(Errors.OFFSET_OUT_OF_RANGE, pl.highWatermark(), pl.logStartOffset(), ex.getMessage()));
                error = true;
            } catch (RuntimeException ex) {
                out.put(tp, fetchError(Errors.forException(ex), -1, -1, ex.getMessage()));
                error = true;
            }
        }
        return new DelayedFetch.ReadResult(new FetchResponse(Errors.NONE, out), bytes, error);
    }

    private static FetchResponse.PartitionData fetchError(Errors error, long hw, long logStart, String message) {
        return new FetchResponse.PartitionData(error, hw, hw, logStart, MemoryRecords.EMPTY, message);
    }

    // ------------------------------------------------------------------------------------------------ offsets

    private ListOffsetsResponse listOffsets(ListOffsetsRequest req) {
        Map<TopicPartition, ListOffsetsResponse.PartitionResult> out = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, Long> e : req.timestamps().entrySet()) {
            TopicPartition tp = e.getKey();
            try {
                Optional<TimestampAndOffset> found = logs.log(tp).offsetForTimestamp(e.getValue());
                out.put(tp, found.map(t -> new ListOffsetsResponse.PartitionResult(Errors.NONE, t.timestamp(), t.offset(),
                        -1, null)).orElse(new ListOffsetsResponse.PartitionResult(Errors.NONE, -1L, -1L, -1, null)));
            } catch (IllegalArgumentException ex) {
                out.put(tp, new ListOffsetsResponse.PartitionResult(Errors.INVALID_REQUEST, -1L, -1L, -1, ex.getMessage()));
            } catch (RuntimeException ex) {
                out.put(tp, new ListOffsetsResponse.PartitionResult(Errors.forException(ex), -1L, -1L, -1, ex.getMessage()));
            }
        }
        return new ListOffsetsResponse(out);
    }

    private DeleteRecordsResponse deleteRecords(DeleteRecordsRequest req) {
        Map<TopicPartition, DeleteRecordsResponse.PartitionResult> out = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, Long> e : req.offsets().entrySet()) {
            try {
                PartitionLog pl = logs.log(e.getKey());
                long offset = e.getValue() == DeleteRecordsRequest.HIGH_WATERMARK ? pl.highWatermark() : e.getValue();
                long low = pl.deleteRecordsBefore(offset);
                out.put(e.getKey(), new DeleteRecordsResponse.PartitionResult(ApiError.NONE, low));
            } catch (RuntimeException ex) {
                out.put(e.getKey(), new DeleteRecordsResponse.PartitionResult(ApiError.fromThrowable(ex), -1L));
            }
        }
        return new DeleteRecordsResponse(out);
    }

    // ------------------------------------------------------------------------------------------------ metadata

    private MetadataResponse metadata(MetadataRequest req) {
        List<MetadataResponse.TopicMetadata> topics = new ArrayList<>();
        List<String> names = req.topics() == null ? new ArrayList<>(logs.listTopics()) : req.topics();
        for (String name : names) {
            topics.add(topicMetadata(name, req.topics() != null && req.allowAutoTopicCreation()));
        }
        return new MetadataResponse(clusterId, node.id(), List.of(node), topics);
    }

    private MetadataResponse.TopicMetadata topicMetadata(String name, boolean autoCreate) {
        TopicDescription d = null;
        try {
            d = logs.describeTopic(name);
        } catch (UnknownTopicOrPartitionException e) {
            if (autoCreate && config.autoCreateTopicsEnable() && !Topic.isInternal(name)) {
                try {
                    LogManager.validateTopicName(name);
                    d = logs.createTopic(name, config.numPartitions(), Map.of());
                    log.info("Created topic {} with {} partition(s) on first use (auto.create.topics.enable=true)", name,
                            config.numPartitions());
                } catch (TopicExistsException exists) {
                    d = logs.describeTopic(name);
                } catch (RuntimeException invalid) {
                    return new MetadataResponse.TopicMetadata(Errors.forException(invalid), name,
                            io.runnel.common.Uuid.ZERO_UUID, false, List.of());
                }
            }
        } catch (RuntimeException e) {
            return new MetadataResponse.TopicMetadata(Errors.forException(e), name, io.runnel.common.Uuid.ZERO_UUID, false,
                    List.of());
        }
        if (d == null) {
            try {
                LogManager.validateTopicName(name);
            } catch (RuntimeException invalid) {
                return new MetadataResponse.TopicMetadata(Errors.INVALID_TOPIC_EXCEPTION, name,
                        io.runnel.common.Uuid.ZERO_UUID, false, List.of());
            }
            return new MetadataResponse.TopicMetadata(Errors.UNKNOWN_TOPIC_OR_PARTITION, name,
                    io.runnel.common.Uuid.ZERO_UUID, false, List.of());
        }
        List<MetadataResponse.PartitionMetadata> partitions = new ArrayList<>();
        for (int p = 0; p < d.partitions(); p++) {
            partitions.add(new MetadataResponse.PartitionMetadata(Errors.NONE, new TopicPartition(name, p), node.id(), 0,
                    List.of(node.id()), List.of(node.id())));
        }
        return new MetadataResponse.TopicMetadata(Errors.NONE, name, d.topicId(), Topic.isInternal(name), partitions);
    }

    private FindCoordinatorResponse findCoordinator(FindCoordinatorRequest req) {
        if (req.keyType() != FindCoordinatorRequest.CoordinatorType.GROUP) {
            return new FindCoordinatorResponse(Errors.COORDINATOR_NOT_AVAILABLE, Node.noNode(),
                    "transactions are not supported yet: there is no transaction coordinator");
        }
        if (req.key() == null || req.key().isEmpty()) {
            return new FindCoordinatorResponse(Errors.INVALID_GROUP_ID, Node.noNode(), "The group id is empty");
        }
        return new FindCoordinatorResponse(Errors.NONE, node, null);
    }

    private InitProducerIdResponse initProducerId(InitProducerIdRequest req) {
        if (req.transactionalId() != null) {
            return new InitProducerIdResponse(Errors.UNSUPPORTED_VERSION, -1L, (short) -1);
        }
        try {
            return new InitProducerIdResponse(Errors.NONE, producerIds.nextProducerId(), (short) 0);
        } catch (RuntimeException e) {
            log.error("Could not allocate a producer id", e);
            return new InitProducerIdResponse(Errors.forException(e), -1L, (short) -1);
        }
    }

    // ------------------------------------------------------------------------------------------------ topics

    private CreateTopicsResponse createTopics(CreateTopicsRequest req) {
        Map<String, CreateTopicsResponse.CreatableTopicResult> out = new LinkedHashMap<>();
        for (CreateTopicsRequest.CreatableTopic t : req.topics()) {
            try {
                if (Topic.isInternal(t.name())) {
                    throw new InvalidRequestException("Creation of internal topic " + t.name() + " is prohibited: "
                            + "the group coordinator creates it on first use");
                }
                LogManager.validateTopicName(t.name());
                int partitions = t.numPartitions() == -1 ? config.numPartitions() : t.numPartitions();
                int rf = t.replicationFactor() == -1 ? config.defaultReplicationFactor() : t.replicationFactor();
                if (rf != 1) {
                    throw new InvalidReplicationFactorException("Replication factor " + rf + " is larger than the number "
                            + "of nodes (1): the embedded log has one node and no replication yet; use 1 (or -1 for "
                            + "the default)");
                }
                if (partitions < 1) {
                    throw new io.runnel.common.errors.InvalidPartitionsException("Number of partitions must be larger "
                            + "than 0, got " + partitions);
                }
                Map<String, String> configs = t.configs() == null ? Map.of() : t.configs();
                if (req.validateOnly()) {
                    LogConfig.validateOverrides(configs);
                    if (logs.listTopics().contains(t.name())) {
                        throw new TopicExistsException("Topic '" + t.name() + "' already exists.");
                    }
                    out.put(t.name(), new CreateTopicsResponse.CreatableTopicResult(ApiError.NONE,
                            io.runnel.common.Uuid.ZERO_UUID, partitions, (short) rf));
                } else {
                    TopicDescription d = logs.createTopic(t.name(), partitions, configs);
                    out.put(t.name(), new CreateTopicsResponse.CreatableTopicResult(ApiError.NONE, d.topicId(),
                            d.partitions(), (short) 1));
                }
            } catch (RuntimeException e) {
                out.put(t.name(), new CreateTopicsResponse.CreatableTopicResult(ApiError.fromThrowable(e),
                        io.runnel.common.Uuid.ZERO_UUID, -1, (short) -1));
            }
        }
        return new CreateTopicsResponse(out);
    }

    private DeleteTopicsResponse deleteTopics(DeleteTopicsRequest req) {
        Map<String, ApiError> out = new LinkedHashMap<>();
        Set<String> deleted = new HashSet<>();
        for (String name : req.topicNames()) {
            if (!config.deleteTopicEnable()) {
                out.put(name, new ApiError(Errors.INVALID_REQUEST, "Topic deletion is disabled (delete.topic.enable=false)"));
            } else if (Topic.isInternal(name)) {
                out.put(name, new ApiError(Errors.INVALID_TOPIC_EXCEPTION, "Cannot delete internal topic " + name));
            } else {
                try {
                    logs.deleteTopic(name);
                    deleted.add(name);
                    out.put(name, ApiError.NONE);
                } catch (RuntimeException e) {
                    out.put(name, ApiError.fromThrowable(e));
                }
            }
        }
        if (!deleted.isEmpty()) {
            coordinator.onTopicsDeleted(deleted);
        }
        return new DeleteTopicsResponse(out);
    }

    private CreatePartitionsResponse createPartitions(CreatePartitionsRequest req) {
        Map<String, ApiError> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : req.newTotalCounts().entrySet()) {
            try {
                if (Topic.isInternal(e.getKey())) {
                    throw new InvalidRequestException("Cannot add partitions to internal topic " + e.getKey());
                }
                TopicDescription d = logs.describeTopic(e.getKey());
                if (req.validateOnly()) {
                    if (e.getValue() <= d.partitions()) {
                        throw new io.runnel.common.errors.InvalidPartitionsException("Topic '" + e.getKey() + "' has "
                                + d.partitions() + " partitions; the count can only grow, not become " + e.getValue());
                    }
                } else {
                    logs.createPartitions(e.getKey(), e.getValue());
                }
                out.put(e.getKey(), ApiError.NONE);
            } catch (RuntimeException ex) {
                out.put(e.getKey(), ApiError.fromThrowable(ex));
            }
        }
        return new CreatePartitionsResponse(out);
    }

    // ------------------------------------------------------------------------------------------------ configs

    private DescribeConfigsResponse describeConfigs(DescribeConfigsRequest req) {
        Map<ConfigResource, DescribeConfigsResponse.Result> out = new LinkedHashMap<>();
        for (ConfigResource r : req.resources()) {
            try {
                List<ConfigEntryData> entries = switch (r.type()) {
                    case TOPIC -> describeTopicConfig(r.name(), req.includeDocumentation());
                    case BROKER -> describeBrokerConfig(r.name(), req.includeDocumentation());
                    default -> throw new InvalidRequestException("Unsupported config resource type " + r.type());
                };
                out.put(r, new DescribeConfigsResponse.Result(ApiError.NONE, entries));
            } catch (RuntimeException e) {
                out.put(r, new DescribeConfigsResponse.Result(ApiError.fromThrowable(e), List.of()));
            }
        }
        return new DescribeConfigsResponse(out);
    }

    private List<ConfigEntryData> describeTopicConfig(String topic, boolean docs) {
        TopicDescription d = logs.describeTopic(topic);
        List<ConfigEntryData> entries = new ArrayList<>();
        Map<String, Object> defaults = LogConfig.CONFIG.defaultValues();
        for (ConfigDef.ConfigKey key : new TreeMap<>(LogConfig.CONFIG.configKeys()).values()) {
            Object value = d.config().values().get(key.name());
            ConfigSource source;
            if (d.overrides().containsKey(key.name())) {
                source = ConfigSource.TOPIC_CONFIG;
            } else if (value != null && !value.equals(defaults.get(key.name()))) {
                source = ConfigSource.STATIC_BROKER_CONFIG;
            } else {
                source = ConfigSource.DEFAULT_CONFIG;
            }
            entries.add(new ConfigEntryData(key.name(), value == null ? null : ConfigDef.convertToString(value, key.type()),
                    source, false, false, docs ? key.documentation() : null));
        }
        return entries;
    }

    private List<ConfigEntryData> describeBrokerConfig(String name, boolean docs) {
        if (!name.isEmpty() && !name.equals(node.idString())) {
            throw new InvalidRequestException("Unknown broker " + name + ": the embedded log is broker " + node.idString());
        }
        List<ConfigEntryData> entries = new ArrayList<>();
        for (ConfigDef.ConfigKey key : new TreeMap<>(BrokerConfig.CONFIG.configKeys()).values()) {
            Object value = config.values().get(key.name());
            ConfigSource source = config.originals().containsKey(key.name()) ? ConfigSource.STATIC_BROKER_CONFIG
                    : ConfigSource.DEFAULT_CONFIG;
            entries.add(new ConfigEntryData(key.name(), value == null ? null : ConfigDef.convertToString(value, key.type()),
                    source, true, false, docs ? key.documentation() : null));
        }
        return entries;
    }

    private IncrementalAlterConfigsResponse alterConfigs(IncrementalAlterConfigsRequest req) {
        Map<ConfigResource, ApiError> out = new LinkedHashMap<>();
        for (Map.Entry<ConfigResource, List<AlterableConfig>> e : req.resources().entrySet()) {
            ConfigResource r = e.getKey();
            try {
                if (r.type() != ConfigResource.Type.TOPIC) {
                    throw new InvalidRequestException("Altering " + r.type() + " configs is not supported: broker "
                            + "settings are fixed when the embedded log opens; reopen it with new settings");
                }
                TopicDescription d = logs.describeTopic(r.name());
                Map<String, String> overrides = new LinkedHashMap<>(d.overrides());
                for (AlterableConfig op : e.getValue()) {
                    applyOp(d, overrides, op);
                }
                LogConfig.validateOverrides(overrides);
                if (!req.validateOnly()) {
                    logs.alterTopicConfig(r.name(), overrides);
                }
                out.put(r, ApiError.NONE);
            } catch (ConfigException ex) {
                out.put(r, new ApiError(Errors.INVALID_CONFIG, ex.getMessage()));
            } catch (RuntimeException ex) {
                out.put(r, ApiError.fromThrowable(ex));
            }
        }
        return new IncrementalAlterConfigsResponse(out);
    }

    private static void applyOp(TopicDescription d, Map<String, String> overrides, AlterableConfig op) {
        ConfigDef.ConfigKey key = LogConfig.CONFIG.configKeys().get(op.name());
        switch (op.op()) {
            case SET -> overrides.put(op.name(), op.value());
            case DELETE -> overrides.remove(op.name());
            case APPEND, SUBTRACT -> {
                if (key == null || key.type() != ConfigDef.Type.LIST) {
                    throw new ConfigException(op.op() + " is only valid for list settings, not " + op.name());
                }
                List<String> current = new ArrayList<>(d.config().getList(op.name()));
                List<String> values = op.value() == null ? List.of() : List.of(op.value().split("\\s*,\\s*"));
                if (op.op() == IncrementalAlterConfigsRequest.OpType.APPEND) {
                    values.stream().filter(v -> !current.contains(v)).forEach(current::add);
                } else {
                    current.removeAll(values);
                }
                overrides.put(op.name(), String.join(",", current));
            }
            default -> throw new ConfigException("Unknown operation " + op.op());
        }
    }
}
