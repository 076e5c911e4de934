package io.runnel.clients.admin;

import io.runnel.clients.RunnelClient;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.internals.ConsumerProtocol;
import io.runnel.clients.internals.ClientTransports;
import io.runnel.common.GroupState;
import io.runnel.common.IsolationLevel;
import io.runnel.common.Node;
import io.runnel.common.RunnelException;
import io.runnel.common.RunnelFuture;
import io.runnel.common.TopicPartition;
import io.runnel.common.TopicPartitionInfo;
import io.runnel.common.config.ConfigResource;
import io.runnel.common.errors.GroupIdNotFoundException;
import io.runnel.common.errors.GroupNotEmptyException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.requests.ApiError;
import io.runnel.common.requests.CreatePartitionsRequest;
import io.runnel.common.requests.CreatePartitionsResponse;
import io.runnel.common.requests.CreateTopicsRequest;
import io.runnel.common.requests.CreateTopicsResponse;
import io.runnel.common.requests.DeleteGroupsRequest;
import io.runnel.common.requests.DeleteGroupsResponse;
import io.runnel.common.requests.DeleteRecordsRequest;
import io.runnel.common.requests.DeleteRecordsResponse;
import io.runnel.common.requests.DeleteTopicsRequest;
import io.runnel.common.requests.DeleteTopicsResponse;
import io.runnel.common.requests.DescribeClusterRequest;
import io.runnel.common.requests.DescribeClusterResponse;
import io.runnel.common.requests.DescribeConfigsRequest;
import io.runnel.common.requests.DescribeConfigsResponse;
import io.runnel.common.requests.DescribeGroupsRequest;
import io.runnel.common.requests.DescribeGroupsResponse;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.IncrementalAlterConfigsRequest;
import io.runnel.common.requests.IncrementalAlterConfigsResponse;
import io.runnel.common.requests.ListGroupsRequest;
import io.runnel.common.requests.ListGroupsResponse;
import io.runnel.common.requests.ListOffsetsRequest;
import io.runnel.common.requests.ListOffsetsResponse;
import io.runnel.common.requests.MetadataRequest;
import io.runnel.common.requests.MetadataResponse;
import io.runnel.common.requests.OffsetCommitRequest;
import io.runnel.common.requests.OffsetCommitResponse;
import io.runnel.common.requests.OffsetFetchRequest;
import io.runnel.common.requests.OffsetFetchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The admin client (Kafka's {@code KafkaAdminClient}); create it with {@link Admin#create}. Each operation sends
 * one request through the transport and splits the response into one future per item; an operation that gets no
 * response within {@code default.api.timeout.ms} fails with {@link TimeoutException}. Thread-safe.
 */
public final class RunnelAdminClient implements Admin {

    private static final Logger log = LoggerFactory.getLogger(RunnelAdminClient.class);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger(1);

    private final String clientId;
    private final RunnelClient client;
    private final int defaultApiTimeoutMs;
    private volatile boolean closed;

    RunnelAdminClient(AdminClientConfig config) {
        this(config, null);
    }

    RunnelAdminClient(AdminClientConfig config, RunnelClient transport) {
        String id = config.getString(AdminClientConfig.CLIENT_ID_CONFIG);
        this.clientId = id == null || id.isEmpty() ? "adminclient-" + CLIENT_IDS.getAndIncrement() : id;
        this.defaultApiTimeoutMs = config.getInt(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        this.client = transport != null ? transport : ClientTransports.open(config, clientId, "admin client");
        config.logUnused();
    }

    private <R extends AbstractResponse> CompletableFuture<R> call(AbstractRequest<R> request) {
        if (closed) {
            throw new IllegalStateException("The admin client " + clientId + " is closed");
        }
        CompletableFuture<R> f;
        try {
            f = client.send(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (f.isDone()) {
            return f;
        }
        return f.orTimeout(defaultApiTimeoutMs, TimeUnit.MILLISECONDS).exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof java.util.concurrent.TimeoutException) {
                throw new TimeoutException("Timed out waiting for a response to " + request.apiKey() + " after "
                        + defaultApiTimeoutMs + " ms (default.api.timeout.ms)");
            }
            throw cause instanceof RuntimeException re ? re : new RunnelException(cause);
        });
    }

    private static <T, R> RunnelFuture<R> item(CompletableFuture<T> response, Function<T, R> extract) {
        return RunnelFuture.of(response.thenApply(extract));
    }

    private static Void check(ApiError error) {
        if (error != null && error.isFailure()) {
            throw error.exception();
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ topics

    @Override
    public CreateTopicsResult createTopics(Collection<NewTopic> newTopics, CreateTopicsOptions options) {
        List<CreateTopicsRequest.CreatableTopic> topics = new ArrayList<>();
        for (NewTopic t : newTopics) {
            topics.add(new CreateTopicsRequest.CreatableTopic(t.name(), t.numPartitions(), t.replicationFactor(),
                    t.configs()));
        }
        CompletableFuture<CreateTopicsResponse> r = call(new CreateTopicsRequest(topics, defaultApiTimeoutMs,
                options.shouldValidateOnly()));
        Map<String, RunnelFuture<CreateTopicsResult.TopicMetadataAndConfig>> futures = new LinkedHashMap<>();
        for (NewTopic t : newTopics) {
            futures.put(t.name(), item(r, resp -> {
                CreateTopicsResponse.CreatableTopicResult res = resp.topics().get(t.name());
                check(res.error());
                return new CreateTopicsResult.TopicMetadataAndConfig(res.topicId(), res.numPartitions(),
                        res.replicationFactor());
            }));
        }
        return new CreateTopicsResult(futures);
    }

    @Override
    public DeleteTopicsResult deleteTopics(Collection<String> topics) {
        CompletableFuture<DeleteTopicsResponse> r = call(new DeleteTopicsRequest(new ArrayList<>(topics),
                defaultApiTimeoutMs));
        Map<String, RunnelFuture<Void>> futures = new LinkedHashMap<>();
        for (String t : topics) {
            futures.put(t, item(r, resp -> check(resp.errors().get(t))));
        }
        return new DeleteTopicsResult(futures);
    }

    @Override
    public ListTopicsResult listTopics(ListTopicsOptions options) {
        CompletableFuture<MetadataResponse> r = call(MetadataRequest.allTopics());
        return new ListTopicsResult(item(r, resp -> {
            Map<String, TopicListing> out = new java.util.TreeMap<>();
            for (MetadataResponse.TopicMetadata t : resp.topics()) {
                if (t.error() == Errors.NONE && (options.shouldListInternal() || !t.isInternal())) {
                    out.put(t.topic(), new TopicListing(t.topic(), t.topicId(), t.isInternal()));
                }
            }
            return out;
        }));
    }

    @Override
    public DescribeTopicsResult describeTopics(Collection<String> topicNames) {
        CompletableFuture<MetadataResponse> r = call(new MetadataRequest(new ArrayList<>(topicNames), false));
        Map<String, RunnelFuture<TopicDescription>> futures = new LinkedHashMap<>();
        for (String name : topicNames) {
            futures.put(name, item(r, resp -> {
                MetadataResponse.TopicMetadata t = resp.topicsByName().get(name);
                if (t == null || t.error() == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
                    throw new UnknownTopicOrPartitionException("Topic '" + name + "' does not exist");
                }
                if (t.error() != Errors.NONE) {
                    throw t.error().exception("Topic '" + name + "': " + t.error().message());
                }
                Map<Integer, Node> nodes = new java.util.HashMap<>();
                resp.brokers().forEach(n -> nodes.put(n.id(), n));
                List<TopicPartitionInfo> partitions = new ArrayList<>();
                for (MetadataResponse.PartitionMetadata p : t.partitions()) {
                    partitions.add(new TopicPartitionInfo(p.partition().partition(), nodes.get(p.leaderId()),
                            p.replicaIds().stream().map(nodes::get).toList(), p.isr().stream().map(nodes::get).toList()));
                }
                return new TopicDescription(name, t.isInternal(), partitions, t.topicId());
            }));
        }
        return new DescribeTopicsResult(futures);
    }

    @Override
    public CreatePartitionsResult createPartitions(Map<String, NewPartitions> newPartitions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        newPartitions.forEach((t, p) -> counts.put(t, p.totalCount()));
        CompletableFuture<CreatePartitionsResponse> r = call(new CreatePartitionsRequest(counts, defaultApiTimeoutMs,
                false));
        Map<String, RunnelFuture<Void>> futures = new LinkedHashMap<>();
        for (String t : newPartitions.keySet()) {
            futures.put(t, item(r, resp -> check(resp.errors().get(t))));
        }
        return new CreatePartitionsResult(futures);
    }

    // ------------------------------------------------------------------------------------------------ configs

    @Override
    public DescribeConfigsResult describeConfigs(Collection<ConfigResource> resources) {
        CompletableFuture<DescribeConfigsResponse> r = call(new DescribeConfigsRequest(new ArrayList<>(resources), true));
        Map<ConfigResource, RunnelFuture<Config>> futures = new LinkedHashMap<>();
        for (ConfigResource res : resources) {
            futures.put(res, item(r, resp -> {
                DescribeConfigsResponse.Result result = resp.results().get(res);
                check(result.error());
                List<ConfigEntry> entries = new ArrayList<>();
                for (DescribeConfigsResponse.ConfigEntryData e : result.configs()) {
                    entries.add(new ConfigEntry(e.name(), e.value(), source(e.source()), e.sensitive(), e.readOnly(),
                            e.documentation()));
                }
                return new Config(entries);
            }));
        }
        return new DescribeConfigsResult(futures);
    }

    private static ConfigEntry.ConfigSource source(DescribeConfigsResponse.ConfigSource s) {
        return switch (s) {
            case TOPIC_CONFIG -> ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
            case DYNAMIC_BROKER_CONFIG -> ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG;
            case DYNAMIC_DEFAULT_BROKER_CONFIG -> ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG;
            case STATIC_BROKER_CONFIG -> ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG;
            case DEFAULT_CONFIG -> ConfigEntry.ConfigSource.DEFAULT_CONFIG;
            default -> ConfigEntry.ConfigSource.UNKNOWN;
        };
    }

    @Override
    public AlterConfigsResult incrementalAlterConfigs(Map<ConfigResource, Collection<AlterConfigOp>> configs) {
        Map<ConfigResource, List<IncrementalAlterConfigsRequest.AlterableConfig>> ops = new LinkedHashMap<>();
        configs.forEach((res, list) -> {
            List<IncrementalAlterConfigsRequest.AlterableConfig> l = new ArrayList<>();
            for (AlterConfigOp op : list) {
                l.add(new IncrementalAlterConfigsRequest.AlterableConfig(op.configEntry().name(),
                        IncrementalAlterConfigsRequest.OpType.valueOf(op.opType().name()), op.configEntry().value()));
            }
            ops.put(res, l);
        });
        CompletableFuture<IncrementalAlterConfigsResponse> r = call(new IncrementalAlterConfigsRequest(ops, false));
        Map<ConfigResource, RunnelFuture<Void>> futures = new LinkedHashMap<>();
        for (ConfigResource res : configs.keySet()) {
            futures.put(res, item(r, resp -> check(resp.errors().get(res))));
        }
        return new AlterConfigsResult(futures);
    }

    // ------------------------------------------------------------------------------------------------ offsets

    @Override
    public ListOffsetsResult listOffsets(Map<TopicPartition, OffsetSpec> topicPartitionOffsets) {
        Map<TopicPartition, Long> timestamps = new LinkedHashMap<>();
        topicPartitionOffsets.forEach((tp, spec) -> timestamps.put(tp, toTimestamp(spec)));
        CompletableFuture<ListOffsetsResponse> r = call(new ListOffsetsRequest(IsolationLevel.READ_UNCOMMITTED,
                timestamps));
        Map<TopicPartition, RunnelFuture<ListOffsetsResult.ListOffsetsResultInfo>> futures = new LinkedHashMap<>();
        for (TopicPartition tp : topicPartitionOffsets.keySet()) {
            futures.put(tp, item(r, resp -> {
                ListOffsetsResponse.PartitionResult pr = resp.partitions().get(tp);
                if (pr.error() != Errors.NONE) {
                    throw pr.error().exception(pr.errorMessage());
                }
                return new ListOffsetsResult.ListOffsetsResultInfo(pr.offset(), pr.timestamp(),
                        pr.leaderEpoch() < 0 ? Optional.empty() : Optional.of(pr.leaderEpoch()));
            }));
        }
        return new ListOffsetsResult(futures);
    }

    private static long toTimestamp(OffsetSpec spec) {
        if (spec instanceof OffsetSpec.EarliestSpec) {
            return ListOffsetsRequest.EARLIEST_TIMESTAMP;
        }
        if (spec instanceof OffsetSpec.LatestSpec) {
            return ListOffsetsRequest.LATEST_TIMESTAMP;
        }
        if (spec instanceof OffsetSpec.MaxTimestampSpec) {
            return ListOffsetsRequest.MAX_TIMESTAMP;
        }
        long ts = ((OffsetSpec.TimestampSpec) spec).timestamp();
        if (ts < 0) {
            throw new IllegalArgumentException("OffsetSpec.forTimestamp needs a time >= 0, got " + ts);
        }
        return ts;
    }

    @Override
    public DeleteRecordsResult deleteRecords(Map<TopicPartition, RecordsToDelete> recordsToDelete) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        recordsToDelete.forEach((tp, r) -> offsets.put(tp, r.beforeOffset()));
        CompletableFuture<DeleteRecordsResponse> r = call(new DeleteRecordsRequest(offsets, defaultApiTimeoutMs));
        Map<TopicPartition, RunnelFuture<DeletedRecords>> futures = new LinkedHashMap<>();
        for (TopicPartition tp : recordsToDelete.keySet()) {
            futures.put(tp, item(r, resp -> {
                DeleteRecordsResponse.PartitionResult pr = resp.partitions().get(tp);
                check(pr.error());
                return new DeletedRecords(pr.lowWatermark());
            }));
        }
        return new DeleteRecordsResult(futures);
    }

    // ------------------------------------------------------------------------------------------------ groups

    @Override
    public ListConsumerGroupsResult listConsumerGroups() {
        CompletableFuture<ListGroupsResponse> r = call(new ListGroupsRequest(Set.of()));
        return new ListConsumerGroupsResult(item(r, resp -> {
            if (resp.error() != Errors.NONE) {
                throw resp.error().exception();
            }
            List<ConsumerGroupListing> out = new ArrayList<>();
            for (ListGroupsResponse.ListedGroup g : resp.groups()) {
                if (g.protocolType().isEmpty() || g.protocolType().equals(ConsumerProtocol.PROTOCOL_TYPE)) {
                    out.add(new ConsumerGroupListing(g.groupId(), g.protocolType().isEmpty(),
                            Optional.of(GroupState.parse(g.groupState()))));
                }
            }
            return out;
        }));
    }

    @Override
    public DescribeConsumerGroupsResult describeConsumerGroups(Collection<String> groupIds) {
        CompletableFuture<DescribeGroupsResponse> groups = call(new DescribeGroupsRequest(new ArrayList<>(groupIds)));
        CompletableFuture<DescribeClusterResponse> cluster = call(new DescribeClusterRequest());
        CompletableFuture<Map<String, Object>> both = groups.thenCombine(cluster, (g, c) -> Map.of("g", g, "c", c));
        Map<String, RunnelFuture<ConsumerGroupDescription>> futures = new LinkedHashMap<>();
        for (String id : new HashSet<>(groupIds)) {
            futures.put(id, item(both, m -> describe(id, (DescribeGroupsResponse) m.get("g"),
                    (DescribeClusterResponse) m.get("c"))));
        }
        return new DescribeConsumerGroupsResult(futures);
    }

    private static ConsumerGroupDescription describe(String id, DescribeGroupsResponse groups,
                                                     DescribeClusterResponse cluster) {
        DescribeGroupsResponse.DescribedGroup g = groups.groups().stream().filter(x -> id.equals(x.groupId()))
                .findFirst().orElseThrow(() -> new GroupIdNotFoundException("Group " + id + " not found."));
        if (g.error() != Errors.NONE) {
            throw g.error().exception("Describing group " + id + " failed: " + g.error().message());
        }
        GroupState state = GroupState.parse(g.groupState());
        if (state == GroupState.DEAD && g.members().isEmpty() && g.protocolType().isEmpty()) {
            throw new GroupIdNotFoundException("Group " + id + " not found.");
        }
        boolean consumer = g.protocolType().equals(ConsumerProtocol.PROTOCOL_TYPE);
        List<MemberDescription> members = new ArrayList<>();
        for (DescribeGroupsResponse.DescribedGroupMember m : g.members()) {
            Set<TopicPartition> assigned = Set.of();
            if (consumer && m.memberAssignment().length > 0) {
                assigned = new HashSet<>(ConsumerProtocol.deserializeAssignment(ByteBuffer.wrap(m.memberAssignment()))
                        .partitions());
            }
            members.add(new MemberDescription(m.memberId(), Optional.ofNullable(m.groupInstanceId()), m.clientId(),
                    m.clientHost(), new MemberAssignment(assigned)));
        }
        Node coordinator = cluster.brokers().stream().filter(n -> n.id() == cluster.controllerId()).findFirst()
                .orElse(Node.noNode());
        return new ConsumerGroupDescription(id, g.protocolType().isEmpty(), members, g.protocolData(), state,
                coordinator);
    }

    @Override
    public DeleteConsumerGroupsResult deleteConsumerGroups(Collection<String> groupIds) {
        CompletableFuture<DeleteGroupsResponse> r = call(new DeleteGroupsRequest(new ArrayList<>(groupIds)));
        Map<String, RunnelFuture<Void>> futures = new LinkedHashMap<>();
        for (String id : groupIds) {
            futures.put(id, item(r, resp -> {
                Errors e = resp.errors().get(id);
                if (e == Errors.NON_EMPTY_GROUP) {
                    throw new GroupNotEmptyException("The group " + id + " is not empty: close its consumers before "
                            + "deleting it");
                }
                if (e == Errors.GROUP_ID_NOT_FOUND) {
                    throw new GroupIdNotFoundException("Group " + id + " not found.");
                }
                if (e != null && e != Errors.NONE) {
                    throw e.exception();
                }
                return null;
            }));
        }
        return new DeleteConsumerGroupsResult(futures);
    }

    @Override
    public ListConsumerGroupOffsetsResult listConsumerGroupOffsets(String groupId) {
        CompletableFuture<OffsetFetchResponse> r = call(new OffsetFetchRequest(groupId, null, false));
        return new ListConsumerGroupOffsetsResult(item(r, resp -> {
            if (resp.error() != Errors.NONE) {
                throw resp.error().exception();
            }
            Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
            resp.partitions().forEach((tp, d) -> {
                if (d.error() == Errors.NONE && d.offset() >= 0) {
                    out.put(tp, new OffsetAndMetadata(d.offset(), d.leaderEpoch() < 0 ? Optional.empty()
                            : Optional.of(d.leaderEpoch()), d.metadata()));
                }
            });
            return out;
        }));
    }

    @Override
    public AlterConsumerGroupOffsetsResult alterConsumerGroupOffsets(String groupId,
                                                                     Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetCommitRequest.PartitionData> data = new LinkedHashMap<>();
        offsets.forEach((tp, om) -> data.put(tp, new OffsetCommitRequest.PartitionData(om.offset(),
                om.leaderEpoch().orElse(-1), om.metadata())));
        CompletableFuture<OffsetCommitResponse> r = call(new OffsetCommitRequest(groupId, -1, "", null, data));
        Map<TopicPartition, RunnelFuture<Void>> futures = new LinkedHashMap<>();
        for (TopicPartition tp : offsets.keySet()) {
            futures.put(tp, item(r, resp -> {
                Errors e = resp.errors().get(tp);
                if (e == Errors.UNKNOWN_MEMBER_ID || e == Errors.ILLEGAL_GENERATION || e == Errors.REBALANCE_IN_PROGRESS) {
                    throw new GroupNotEmptyException("The group " + groupId + " has active members: offsets can only be "
                            + "altered while the group is empty (stop its consumers first)");
                }
                if (e != null && e != Errors.NONE) {
                    throw e.exception();
                }
                return null;
            }));
        }
        return new AlterConsumerGroupOffsetsResult(futures);
    }

    @Override
    public DescribeClusterResult describeCluster() {
        CompletableFuture<DescribeClusterResponse> r = call(new DescribeClusterRequest());
        CompletableFuture<DescribeClusterResponse> ok = r.thenApply(resp -> {
            if (resp.error() != Errors.NONE) {
                throw resp.error().exception();
            }
            return resp;
        });
        return new DescribeClusterResult(item(ok, resp -> List.copyOf(resp.brokers())),
                item(ok, resp -> resp.brokers().stream().filter(n -> n.id() == resp.controllerId()).findFirst()
                        .orElse(null)),
                item(ok, DescribeClusterResponse::clusterId));
    }

    // ------------------------------------------------------------------------------------------------ close

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Override
    public void close(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout cannot be negative.");
        }
        if (!closed) {
            closed = true;
            client.close();
            log.debug("Admin client {} closed", clientId);
        }
    }
}
