/**
 * The record batch compression codecs, framed exactly as Apache Kafka frames them. The only package that
 * imports lz4-java, snappy-java and zstd-jni; everything else goes through
 * {@link io.runnel.common.record.compression.Compression}.
 */
package io.runnel.common.record.compression;
