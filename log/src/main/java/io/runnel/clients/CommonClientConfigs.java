package io.runnel.clients;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;

/**
 * Setting names and definitions shared by the producer, consumer and admin client (Kafka's
 * {@code CommonClientConfigs}).
 *
 * <p><b>Reaching the embedded log.</b> {@code bootstrap.servers=file:///path/to/dir} opens (or joins) the embedded
 * log in that directory in-process; {@code file:relative/dir} is relative to the working directory. Settings
 * prefixed with {@value #BROKER_PREFIX} ({@code broker.num.partitions=3}) are broker settings used if this
 * client is the first to open the directory; if the log is already open they must agree with its settings (the
 * first opener's settings win, a conflicting value is an error). {@code host:port} addresses are refused until
 * the network transport exists.
 */
public final class CommonClientConfigs {

    /** {@code bootstrap.servers}: {@code file:///path} for the embedded log. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    /** {@code client.id}. */
    public static final String CLIENT_ID_CONFIG = "client.id";
    /** {@code metadata.max.age.ms}. */
    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    /** {@code retry.backoff.ms}. */
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    /** {@code retry.backoff.max.ms}. */
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    /** {@code request.timeout.ms}. */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
    /** {@code default.api.timeout.ms}. */
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = "default.api.timeout.ms";
    /** {@code retries}. */
    public static final String RETRIES_CONFIG = "retries";
    /** {@code group.id}. */
    public static final String GROUP_ID_CONFIG = "group.id";
    /** {@code group.instance.id}. */
    public static final String GROUP_INSTANCE_ID_CONFIG = "group.instance.id";
    /** {@code session.timeout.ms}. */
    public static final String SESSION_TIMEOUT_MS_CONFIG = "session.timeout.ms";
    /** {@code heartbeat.interval.ms}. */
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = "heartbeat.interval.ms";
    /** {@code max.poll.interval.ms}. */
    public static final String MAX_POLL_INTERVAL_MS_CONFIG = "max.poll.interval.ms";
    /** {@code security.protocol}. */
    public static final String SECURITY_PROTOCOL_CONFIG = "security.protocol";
    /** Prefix of broker settings given through a client for an implicitly opened embedded log. */
    public static final String BROKER_PREFIX = "broker.";

    private CommonClientConfigs() {
    }

    /**
     * Adds the settings every client has.
     *
     * @param def a client's definition
     * @return {@code def}
     */
    public static ConfigDef withClientDefaults(ConfigDef def) {
        return def
                .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, Importance.HIGH,
                        "Where the log is: file:///path/to/dir opens the embedded log in that directory in-process.")
                .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.MEDIUM,
                        "A name for this client in logs, member ids and group descriptions.")
                .define(METADATA_MAX_AGE_CONFIG, Type.LONG, 300_000L, Range.atLeast(0), Importance.LOW,
                        "Refresh topic metadata at least this often, in ms (to see new partitions and topics).")
                .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, Range.atLeast(0), Importance.LOW,
                        "Wait before retrying a failed request, in ms.")
                .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Range.atLeast(0), Importance.LOW,
                        "Longest wait between retries, in ms.")
                .define(SECURITY_PROTOCOL_CONFIG, Type.STRING, "PLAINTEXT", ConfigDef.ValidString.in("PLAINTEXT"),
                        Importance.MEDIUM, "Only PLAINTEXT: the embedded log is reached in-process.")
                .defineUnsupported("sasl.mechanism", "security (SASL, TLS) does not exist yet")
                .defineUnsupported("sasl.jaas.config", "security (SASL, TLS) does not exist yet")
                .defineUnsupported("ssl.keystore.location", "security (SASL, TLS) does not exist yet")
                .defineUnsupported("ssl.truststore.location", "security (SASL, TLS) does not exist yet");
    }
}
