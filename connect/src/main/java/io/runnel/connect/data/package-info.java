/**
 * Connect's data model, as Kafka Connect's {@code org.apache.kafka.connect.data}: {@link
 * io.runnel.connect.data.Schema}s built with {@link io.runnel.connect.data.SchemaBuilder}, {@link
 * io.runnel.connect.data.Struct} values, and the logical types {@link io.runnel.connect.data.Date}, {@link
 * io.runnel.connect.data.Time}, {@link io.runnel.connect.data.Timestamp} and {@link
 * io.runnel.connect.data.Decimal}. Logical types keep Kafka's names ({@code org.apache.kafka.connect.data.Date}
 * ...) because the names travel inside serialized schemas: data written by Kafka Connect reads back here and the
 * other way round.
 */
package io.runnel.connect.data;
