/** Benchmark commands: real-broker throughput runs and JMH micro-benchmarks. */
package io.telejobs.bench;
