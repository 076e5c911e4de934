/**
 * JSON serdes for records and POJOs; the only package that uses Jackson in the serialization layer.
 */
package io.runnel.common.serialization.json;
