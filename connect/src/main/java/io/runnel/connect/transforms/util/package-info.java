/** Helpers shared by the built-in transformations, as Kafka Connect's {@code transforms.util}. */
package io.runnel.connect.transforms.util;
