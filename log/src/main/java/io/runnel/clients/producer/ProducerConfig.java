package io.runnel.clients.producer;

import io.runnel.clients.CommonClientConfigs;
import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;
import io.runnel.common.config.ConfigDef.ValidString;
import io.runnel.common.config.ConfigException;
import io.runnel.common.record.CompressionType;
import io.runnel.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The producer's settings, with Kafka's names and defaults ({@code acks=all}, {@code linger.ms=5},
 * {@code batch.size=16384}, {@code enable.idempotence=true}, ...). See {@code docs/clients.md} for the table.
 *
 * <p>Parsing reports every bad setting at once. As in Kafka, idempotence is on by default and turned off, with a
 * log line, when a setting it needs is given otherwise ({@code acks} other than {@code all}, {@code retries=0},
 * more than 5 requests in flight); giving such a setting together with {@code enable.idempotence=true} is an
 * error. {@code transactional.id} is refused until transactions exist.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProducerConfig extends AbstractConfig {

    private static final Logger log = LoggerFactory.getLogger(ProducerConfig.class);

    /** {@code bootstrap.servers}. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /** {@code client.id}. */
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    /** {@code acks}. */
    public static final String ACKS_CONFIG = "acks";
    /** {@code batch.size}. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    /** {@code linger.ms}. */
    public static final String LINGER_MS_CONFIG = "linger.ms";
    /** {@code buffer.memory}. */
    public static final String BUFFER_MEMORY_CONFIG = "buffer.memory";
    /** {@code max.block.ms}. */
    public static final String MAX_BLOCK_MS_CONFIG = "max.block.ms";
    /** {@code max.request.size}. */
    public static final String MAX_REQUEST_SIZE_CONFIG = "max.request.size";
    /** {@code compression.type}. */
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    /** {@code retries}. */
    public static final String RETRIES_CONFIG = CommonClientConfigs.RETRIES_CONFIG;
    /** {@code retry.backoff.ms}. */
    public static final String RETRY_BACKOFF_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG;
    /** {@code request.timeout.ms}. */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    /** {@code delivery.timeout.ms}. */
    public static final String DELIVERY_TIMEOUT_MS_CONFIG = "delivery.timeout.ms";
    /** {@code enable.idempotence}. */
    public static final String ENABLE_IDEMPOTENCE_CONFIG = "enable.idempotence";
    /** {@code max.in.flight.requests.per.connection}. */
    public static final String MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION = "max.in.flight.requests.per.connection";
    /** {@code partitioner.class}. */
    public static final String PARTITIONER_CLASS_CONFIG = "partitioner.class";
    /** {@code partitioner.ignore.keys}. */
    public static final String PARTITIONER_IGNORE_KEYS_CONFIG = "partitioner.ignore.keys";
    /** {@code key.serializer}. */
    public static final String KEY_SERIALIZER_CLASS_CONFIG = "key.serializer";
    /** {@code value.serializer}. */
    public static final String VALUE_SERIALIZER_CLASS_CONFIG = "value.serializer";
    /** {@code metadata.max.age.ms}. */
    public static final String METADATA_MAX_AGE_CONFIG = CommonClientConfigs.METADATA_MAX_AGE_CONFIG;
    /** {@code transactional.id} (refused until transactions exist). */
    public static final String TRANSACTIONAL_ID_CONFIG = "transactional.id";

    /** The definition of every producer setting. */
    public static final ConfigDef CONFIG = CommonClientConfigs.withClientDefaults(new ConfigDef())
            .define(ACKS_CONFIG, Type.STRING, "all", ValidString.in("all", "-1", "0", "1"), Importance.HIGH,
                    "0: do not wait for the log; 1 or all: wait until the log appended the batch (the same on one "
                            + "node).")
            .define(BATCH_SIZE_CONFIG, Type.INT, 16_384, Range.atLeast(0), Importance.MEDIUM,
                    "Target size of a per-partition batch, in bytes.")
            .define(LINGER_MS_CONFIG, Type.LONG, 5L, Range.atLeast(0), Importance.MEDIUM,
                    "How long a batch waits for more records before it is sent, in ms.")
            .define(BUFFER_MEMORY_CONFIG, Type.LONG, 33_554_432L, Range.atLeast(0), Importance.HIGH,
                    "Memory for records waiting to be sent, in bytes; send blocks when it is used up.")
            .define(MAX_BLOCK_MS_CONFIG, Type.LONG, 60_000L, Range.atLeast(0), Importance.MEDIUM,
                    "How long send, partitionsFor and flush-free buffer waits may block, in ms.")
            .define(MAX_REQUEST_SIZE_CONFIG, Type.INT, 1_048_576, Range.atLeast(0), Importance.MEDIUM,
                    "Largest produce request (and so largest record), in bytes.")
            .define(COMPRESSION_TYPE_CONFIG, Type.STRING, "none",
                    ValidString.in("none", "gzip", "snappy", "lz4", "zstd"), Importance.HIGH,
                    "Codec of the record batches.")
            .define(RETRIES_CONFIG, Type.INT, Integer.MAX_VALUE, Range.between(0, Integer.MAX_VALUE), Importance.HIGH,
                    "How often a batch that failed with a retriable error is resent (bounded by delivery.timeout.ms).")
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30_000, Range.atLeast(0), Importance.MEDIUM,
                    "How long to wait for a response, in ms.")
            .define(DELIVERY_TIMEOUT_MS_CONFIG, Type.INT, 120_000, Range.atLeast(0), Importance.MEDIUM,
                    "Upper bound on the time between send() and success or failure, in ms.")
            .define(ENABLE_IDEMPOTENCE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                    "Give batches a producer id and sequence numbers so retries are never duplicated.")
            .define(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Type.INT, 5, Range.atLeast(1), Importance.LOW,
                    "Most produce requests outstanding at once (at most 5 with idempotence).")
            .define(PARTITIONER_CLASS_CONFIG, Type.CLASS, null, Importance.MEDIUM,
                    "A Partitioner; unset: murmur2 of the key, sticky partitioning without a key.")
            .define(PARTITIONER_IGNORE_KEYS_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Use sticky partitioning even for records with keys.")
            .define("partitioner.adaptive.partitioning.enable", Type.BOOLEAN, true, Importance.LOW,
                    "Accepted for compatibility; the embedded log has one node, so every partition is equally fast.")
            .define("partitioner.availability.timeout.ms", Type.LONG, 0L, Range.atLeast(0), Importance.LOW,
                    "Accepted for compatibility; no effect with one node.")
            .define(KEY_SERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, "Serializer class for keys.")
            .define(VALUE_SERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, "Serializer class for values.")
            .define("metadata.max.idle.ms", Type.LONG, 300_000L, Range.atLeast(5000), Importance.LOW,
                    "Forget metadata of topics not produced to for this long, in ms.")
            .define("transaction.timeout.ms", Type.INT, 60_000, Importance.LOW,
                    "Accepted for compatibility; transactions do not exist yet.")
            .defineUnsupported(TRANSACTIONAL_ID_CONFIG, "transactions are not supported yet")
            .defineUnsupported("interceptor.classes", "producer interceptors are not supported yet")
            .defineUnsupported("compression.gzip.level", "codecs run at their default level")
            .defineUnsupported("compression.lz4.level", "codecs run at their default level")
            .defineUnsupported("compression.zstd.level", "codecs run at their default level");

    private final boolean idempotence;

    /**
     * @param props the settings
     * @throws ConfigException naming every invalid, missing or unsupported setting
     */
    public ProducerConfig(Map<?, ?> props) {
        super(CONFIG, props);
        this.idempotence = resolveIdempotence();
        int delivery = getInt(DELIVERY_TIMEOUT_MS_CONFIG);
        long needed = getLong(LINGER_MS_CONFIG) + getInt(REQUEST_TIMEOUT_MS_CONFIG);
        if (delivery < needed) {
            throw new ConfigException(DELIVERY_TIMEOUT_MS_CONFIG + "=" + delivery + " should be equal to or larger than "
                    + LINGER_MS_CONFIG + " + " + REQUEST_TIMEOUT_MS_CONFIG + " (" + needed + ")");
        }
    }

    /**
     * @param props the settings
     * @throws ConfigException naming every invalid, missing or unsupported setting
     */
    public ProducerConfig(Properties props) {
        this((Map<?, ?>) props);
    }

    private boolean resolveIdempotence() {
        boolean explicit = originals().containsKey(ENABLE_IDEMPOTENCE_CONFIG);
        if (!getBoolean(ENABLE_IDEMPOTENCE_CONFIG)) {
            return false;
        }
        List<String> conflicts = new ArrayList<>();
        String acks = getString(ACKS_CONFIG);
        if (!acks.equals("all") && !acks.equals("-1")) {
            conflicts.add(ACKS_CONFIG + " must be all (-1), got " + acks);
        }
        if (getInt(RETRIES_CONFIG) == 0) {
            conflicts.add(RETRIES_CONFIG + " must be greater than 0");
        }
        if (getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) > 5) {
            conflicts.add(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION + " must be at most 5, got "
                    + getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        }
        if (conflicts.isEmpty()) {
            return true;
        }
        if (explicit) {
            throw new ConfigException("enable.idempotence=true needs: " + String.join("; ", conflicts));
        }
        log.info("Idempotence is disabled because {}", String.join("; ", conflicts));
        return false;
    }

    /** @return whether the producer is idempotent after resolving the defaults */
    public boolean idempotenceEnabled() {
        return idempotence;
    }

    /** @return {@code acks} as the wire value: 0, 1 or -1 */
    public short acks() {
        String acks = getString(ACKS_CONFIG);
        return acks.equals("all") ? -1 : Short.parseShort(acks);
    }

    /** @return {@code compression.type} */
    public CompressionType compressionType() {
        return CompressionType.forName(getString(COMPRESSION_TYPE_CONFIG));
    }

    /**
     * Puts serializer instances' classes into a configuration, as Kafka does when serializers are passed to the
     * constructor.
     *
     * @param configs         the settings
     * @param keySerializer   the key serializer instance, or null
     * @param valueSerializer the value serializer instance, or null
     * @return a copy with {@code key.serializer} / {@code value.serializer} set from the instances
     */
    public static Map<String, Object> appendSerializerToConfig(Map<?, ?> configs, Serializer<?> keySerializer,
                                                                Serializer<?> valueSerializer) {
        Map<String, Object> copy = new HashMap<>();
        configs.forEach((k, v) -> copy.put(String.valueOf(k), v));
        if (keySerializer != null) {
            copy.put(KEY_SERIALIZER_CLASS_CONFIG, keySerializer.getClass());
        }
        if (valueSerializer != null) {
            copy.put(VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer.getClass());
        }
        return copy;
    }
}
