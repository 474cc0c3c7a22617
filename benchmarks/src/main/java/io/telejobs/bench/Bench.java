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
