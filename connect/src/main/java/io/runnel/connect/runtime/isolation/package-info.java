/**
 * Plugin discovery and isolation, as Kafka Connect's {@code runtime.isolation}: every jar or directory on {@code
 * plugin.path} loads in its own {@link io.runnel.connect.runtime.isolation.PluginClassLoader}; connectors,
 * converters, transformations and predicates are found with {@link java.util.ServiceLoader}; {@link
 * io.runnel.connect.runtime.isolation.Plugins} resolves names and aliases and instantiates plugins.
 */
package io.runnel.connect.runtime.isolation;
