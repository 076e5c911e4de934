package io.runnel.connect.runtime.rest.entities;

/**
 * One installed plugin ({@code GET /connector-plugins}; Kafka's JSON {@code {"class", "type", "version"}}).
 *
 * @param className the class name
 * @param type      {@code source}, {@code sink}, {@code converter}, {@code header_converter},
 *                  {@code transformation} or {@code predicate}
 * @param version   its version
 */
public record PluginInfo(String className, String type, String version) {
}
