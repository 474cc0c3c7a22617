package io.telejobs.bench;

import java.util.Arrays;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** Runs one benchmark by name: matcher-throughput, tagger-jmh, notifier-match or ingest-extract. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    String name = args.length == 0 ? "matcher-throughput" : args[0];
    String[] rest = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
    rest = Arrays.stream(rest).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isBlank())
        .toArray(String[]::new);
    switch (name) {
      case "matcher-throughput" -> MatcherThroughput.main(rest);
      case "notifier-match" -> NotifierMatch.main(rest);
      case "notifier-current" -> NotifierCurrent.main(rest);
      case "analytics-throughput" -> AnalyticsThroughput.main(rest);
      case "ingest-extract" -> IngestExtract.main(rest);
      case "e2e-latency" -> E2eLatency.main(rest);
      case "notifier-fanout" -> NotifierFanout.main(rest);
      case "tagger-jmh" -> { // JMH's own options pass through, e.g. -Dbench.args="-prof stack"
        String[] jmh = Arrays.copyOf(rest, rest.length + 1);
        jmh[rest.length] = TaggerBenchmark.class.getSimpleName();
        tagger(new Runner(new CommandLineOptions(jmh)).run());
      }
      default -> {
        System.err.println("unknown benchmark '" + name + "': matcher-throughput | tagger-jmh | notifier-match | notifier-current | notifier-fanout | analytics-throughput | ingest-extract | e2e-latency");
        System.exit(2);
      }
    }
  }

  /** CPU time so far of the whole process, every thread (the broker, the clients and the JVM included). */
  static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time so far of the live Java threads whose name {@code names} accepts, in nanoseconds. */
  static long threadCpu(java.util.function.Predicate<String> names) {
    long[] sum = {0};
    forEachThreadCpu((name, cpu) -> {
      if (names.test(name)) {
        sum[0] += cpu;
      }
    });
    return sum[0];
  }

  /**
   * CPU time so far of every live Java thread, summed by name with digits and ids left out, and the
   * collectors' and the JIT compiler's accumulated times (wall time: they run on threads the JVM does not
   * list, and a compiler thread waiting for a core counts too), in nanoseconds.
   */
  static java.util.Map<String, Long> threadCpu() {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    forEachThreadCpu((name, cpu) -> out.merge(
        "thread " + name.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "").replaceAll("\\d+", "#"), cpu, Long::sum));
    long gc = 0;
    for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += b.getCollectionTime();
    }
    out.put("garbage collection pauses and cycles (wall time, every GC thread)", gc * 1_000_000L);
    out.put("JIT compilation (wall time)", java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000L);
    return out;
  }

  private static void forEachThreadCpu(java.util.function.BiConsumer<String, Long> each) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null) {
        long cpu = mx.getThreadCpuTime(t.getThreadId());
        if (cpu > 0) {
          each.accept(t.getThreadName(), cpu);
        }
      }
    }
  }

  /** The {@code top} names whose CPU grew most between two {@link #threadCpu} readings, in µs per {@code per}. */
  static String topThreads(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int top, long per) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%n  %7.0f us  %s", e.getValue() / 1e3 / per, e.getKey())));
    return out.toString();
  }

  /**
   * A new folder for a run's Streams state under the module's {@code target/} (the build's clean removes it),
   * not the OS temporary folder, which Kafka Streams warns about because the OS may clear it mid-run.
   */
  static java.nio.file.Path stateDir(String prefix) throws java.io.IOException {
    java.nio.file.Path target = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "bench-state"));
    return java.nio.file.Files.createTempDirectory(target.toAbsolutePath(), prefix);
  }

  /** Adds the variables of {@code -Dbench.env="K=V,K=V"} to a service's environment: settings to try in a run. */
  static void addEnv(java.util.Map<String, String> env) {
    for (String kv : System.getProperty("bench.env", "").split(",")) {
      if (kv.contains("=")) {
        env.put(kv.substring(0, kv.indexOf('=')).strip(), kv.substring(kv.indexOf('=') + 1).strip());
      }
    }
  }

  /** The tagger's RESULT line: postings per second, the JDK split of the same descriptions, their ratio. */
  private static void tagger(java.util.Collection<org.openjdk.jmh.results.RunResult> results) {
    double tag = 0;
    double split = 0;
    for (var r : results) {
      double score = r.getPrimaryResult().getScore();
      if (r.getParams().getBenchmark().endsWith(".tag")) {
        tag = score;
      } else if (r.getParams().getBenchmark().endsWith(".jdkSplit")) {
        split = score;
      }
    }
    if (tag > 0 && split > 0) {
      System.out.printf(java.util.Locale.ROOT, "RESULT tagger-jmh tag_per_s=%.0f jdk_split_per_s=%.0f ratio=%.3f%n", tag, split, tag / split);
    }
  }
}
