package io.runnel.common;

import java.util.Map;

/**
 * A plugin created from a class name in configuration (partitioner, assignor, handler, converter...) that
 * wants the configuration it was created from. {@link #configure} is called once, right after the no-argument
 * constructor.
 */
public interface Configurable {

    /**
     * @param configs the configuration of the component that created this plugin, with Kafka's names
     */
    void configure(Map<String, ?> configs);
}
