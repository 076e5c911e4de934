package io.runnel.clients.admin;

import io.runnel.clients.CommonClientConfigs;
import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;

import java.util.Map;

/**
 * The admin client's settings, with Kafka's names and defaults. Immutable and thread-safe.
 */
public final class AdminClientConfig extends AbstractConfig {

    /** {@code bootstrap.servers}. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /** {@code client.id}. */
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    /** {@code default.api.timeout.ms}. */
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG;
    /** {@code request.timeout.ms}. */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    /** {@code retries}. */
    public static final String RETRIES_CONFIG = CommonClientConfigs.RETRIES_CONFIG;

    /** The definition of every admin setting. */
    public static final ConfigDef CONFIG = CommonClientConfigs.withClientDefaults(new ConfigDef())
            .define(DEFAULT_API_TIMEOUT_MS_CONFIG, Type.INT, 60_000, Range.atLeast(0), Importance.MEDIUM,
                    "How long an operation may take before its futures fail with TimeoutException, in ms.")
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30_000, Range.atLeast(0), Importance.MEDIUM,
                    "How long to wait for one response, in ms.")
            .define(RETRIES_CONFIG, Type.INT, Integer.MAX_VALUE, Range.atLeast(0), Importance.LOW,
                    "Accepted for compatibility; in-process requests are not retried.");

    /**
     * @param props the settings
     * @throws io.runnel.common.config.ConfigException naming every bad setting
     */
    public AdminClientConfig(Map<?, ?> props) {
        super(CONFIG, props);
    }
}
