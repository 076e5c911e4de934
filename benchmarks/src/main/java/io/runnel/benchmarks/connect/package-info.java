/** JMH benchmarks of the Connect layer: converters and the transformation chain. */
package io.runnel.benchmarks.connect;
