/**
 * A Kryo serde for arbitrary Java objects; the only package that uses Kryo.
 */
package io.runnel.common.serialization.kryo;
