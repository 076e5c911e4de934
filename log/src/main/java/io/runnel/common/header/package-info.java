/** Record headers: ordered, multi-valued key/bytes pairs carried by every record (RecordBatch v2). */
package io.runnel.common.header;
