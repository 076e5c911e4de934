package io.runnel.common.requests;

import io.runnel.common.config.ConfigResource;

import java.util.List;
import java.util.Map;

/**
 * The result of a {@link DescribeConfigsRequest}.
 *
 * @param results per resource
 */
public record DescribeConfigsResponse(Map<ConfigResource, Result> results) implements AbstractResponse {

    /** Where a value comes from, with Kafka's ids. */
    public enum ConfigSource {
        /** Unknown (0). */
        UNKNOWN,
        /** A topic-level override (1). */
        TOPIC_CONFIG,
        /** A dynamic broker setting (2). */
        DYNAMIC_BROKER_CONFIG,
        /** A dynamic cluster-wide default (3). */
        DYNAMIC_DEFAULT_BROKER_CONFIG,
        /** A broker setting given at startup (4). */
        STATIC_BROKER_CONFIG,
        /** The built-in default (5). */
        DEFAULT_CONFIG
    }

    /**
     * One resource's settings.
     *
     * @param error   the error and message
     * @param configs the settings
     */
    public record Result(ApiError error, List<ConfigEntryData> configs) {
    }

    /**
     * One setting.
     *
     * @param name          the name
     * @param value         the value as a string, or null
     * @param source        where the value comes from
     * @param readOnly      whether it cannot be altered through the admin API
     * @param sensitive     whether the value is hidden
     * @param documentation the documentation, or null
     */
    public record ConfigEntryData(String name, String value, ConfigSource source, boolean readOnly, boolean sensitive,
                                  String documentation) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CONFIGS;
    }
}
