package io.runnel.samples.clients;

import io.runnel.clients.CommonClientConfigs;
import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.Config;
import io.runnel.clients.admin.ConfigEntry;
import io.runnel.clients.admin.TopicDescription;
import io.runnel.common.Node;
import io.runnel.common.TopicPartitionInfo;
import io.runnel.common.config.ConfigResource;
import io.runnel.common.errors.InterruptException;
import io.runnel.server.EmbeddedLog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Inspecting the log with the {@link Admin} client: the cluster (one node in the embedded log), the broker's
 * configuration, the topic names, each topic's partitions with leader and replicas, and each topic's configuration
 * with where every value comes from ({@code DEFAULT_CONFIG}, {@code DYNAMIC_TOPIC_CONFIG}, ...). Every Admin call
 * returns futures, as in Kafka; {@code all().get()} waits for them.
 *
 * <p>Kafka concepts: {@code Admin.create}, {@code describeCluster}, {@code listTopics}, {@code describeTopics},
 * {@code describeConfigs} with {@code ConfigResource} (TOPIC and BROKER).
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.AdminInspection [log-dir]
 * }</pre>
 */
public final class AdminInspection {

    static {
        SampleSupport.configureLogging();
    }

    private AdminInspection() {
    }

    /**
     * What {@link #inspect} found.
     *
     * @param clusterId    the cluster id (the embedded log's {@code meta.properties})
     * @param nodes        the nodes
     * @param brokerConfig node 0's configuration
     * @param topics       each non-internal topic's description, by name
     * @param topicConfigs each non-internal topic's configuration, by name
     */
    public record Inspection(String clusterId, Collection<Node> nodes, Config brokerConfig,
                             Map<String, TopicDescription> topics, Map<String, Config> topicConfigs) {
    }

    /**
     * @param bootstrapServers the log
     * @return an Admin configuration
     */
    public static Properties config(String bootstrapServers) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /**
     * Describes the cluster, the broker's configuration, and every non-internal topic with its configuration.
     *
     * @param config an Admin configuration ({@link #config(String)})
     * @return what was found
     * @throws ExecutionException with the cause if an Admin operation failed
     * @throws InterruptException if interrupted while waiting
     */
    public static Inspection inspect(Properties config) throws ExecutionException {
        try (Admin admin = Admin.create(config)) {
            String clusterId = admin.describeCluster().clusterId().get();
            Collection<Node> nodes = admin.describeCluster().nodes().get();
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER,
                    Integer.toString(nodes.iterator().next().id()));
            Config brokerConfig = admin.describeConfigs(List.of(broker)).all().get().get(broker);

            Set<String> names = new TreeSet<>(admin.listTopics().names().get());
            Map<String, TopicDescription> topics = new TreeMap<>(admin.describeTopics(names).allTopicNames().get());
            List<ConfigResource> resources = new ArrayList<>();
            for (String name : names) {
                resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
            }
            Map<String, Config> topicConfigs = new TreeMap<>();
            admin.describeConfigs(resources).all().get().forEach((resource, c) -> topicConfigs.put(resource.name(), c));
            return new Inspection(clusterId, nodes, brokerConfig, topics, topicConfigs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * Prints an inspection: the cluster, then per topic its partitions and the settings that are not defaults.
     *
     * @param inspection what {@link #inspect} found
     */
    public static void print(Inspection inspection) {
        System.out.println("cluster " + inspection.clusterId() + ", nodes " + inspection.nodes());
        ConfigEntry logDir = inspection.brokerConfig().get("log.dir");
        ConfigEntry partitions = inspection.brokerConfig().get("num.partitions");
        System.out.println("broker: log.dir=" + (logDir == null ? "?" : logDir.value()) + ", num.partitions="
                + (partitions == null ? "?" : partitions.value()));
        for (TopicDescription topic : inspection.topics().values()) {
            System.out.println("topic " + topic.name() + " (id " + topic.topicId() + ")");
            for (TopicPartitionInfo p : topic.partitions()) {
                System.out.println("  partition " + p.partition() + ": leader " + p.leader().id() + ", replicas "
                        + p.replicas().stream().map(Node::id).toList());
            }
            for (ConfigEntry entry : inspection.topicConfigs().get(topic.name()).entries()) {
                if (!entry.isDefault()) {
                    System.out.println("  " + entry.name() + "=" + entry.value() + " (" + entry.source() + ")");
                }
            }
        }
    }

    /**
     * @param args {@code [log-directory]}
     * @throws ExecutionException if an Admin operation failed
     */
    public static void main(String[] args) throws ExecutionException {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            print(inspect(config(embedded.bootstrapServers())));
        }
    }
}
