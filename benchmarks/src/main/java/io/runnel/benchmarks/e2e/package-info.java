/**
 * End-to-end benchmarks: whole pipelines on real data, run once and measured from the outside (not JMH: one run
 * takes minutes and its interesting numbers are rates, latency percentiles, memory and disk, not ops/s).
 */
package io.runnel.benchmarks.e2e;
