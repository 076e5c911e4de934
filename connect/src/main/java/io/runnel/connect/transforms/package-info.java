/**
 * The {@link io.runnel.connect.transforms.Transformation} SPI and the built-in single message transformations,
 * with Kafka Connect's names, settings and behaviour ({@code org.apache.kafka.connect.transforms}): Cast,
 * DropHeaders, ExtractField, Filter, Flatten, HeaderFrom, HoistField, InsertField, InsertHeader, MaskField,
 * RegexRouter, ReplaceField, SetSchemaMetadata, TimestampConverter, TimestampRouter and ValueToKey. Those that
 * can act on the key or the value come as nested {@code $Key} and {@code $Value} classes
 * ({@code io.runnel.connect.transforms.InsertField$Value}).
 *
 * <p>Every built-in parses its settings with a {@link io.runnel.common.config.ConfigDef} and reports every bad
 * setting in one {@link io.runnel.common.config.ConfigException}; a record of the wrong shape gives a
 * {@link io.runnel.connect.errors.DataException}.
 */
package io.runnel.connect.transforms;
