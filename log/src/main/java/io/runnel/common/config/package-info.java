/**
 * Typed configuration with Apache Kafka's shape: {@link io.runnel.common.config.ConfigDef} defines settings and
 * parses whole configurations at once; {@link io.runnel.common.config.AbstractConfig} is the base of every
 * component's configuration class.
 */
package io.runnel.common.config;
