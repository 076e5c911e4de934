/**
 * JMH benchmarks of every layer, one package per layer ({@code log}, {@code clients}, {@code state},
 * {@code streams}, {@code connect}; {@code e2e} for the whole flight-delays pipeline), and {@link
 * io.runnel.benchmarks.HotMethods}, which says where the CPU samples of a JFR recording fall. Run them with
 * {@code bin/runnel-bench} (docs/benchmarks.md); each benchmark class says what one operation is and which score
 * is records/s.
 */
package io.runnel.benchmarks;
