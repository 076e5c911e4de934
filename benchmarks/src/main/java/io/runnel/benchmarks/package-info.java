/**
 * JMH benchmarks of every layer.
 */
package io.runnel.benchmarks;
