package io.telejobs.bench;

import java.util.Arrays;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

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
      case "tagger-jmh" -> new Runner(new OptionsBuilder().include(TaggerBenchmark.class.getSimpleName()).build()).run();
      default -> {
        System.err.println("unknown benchmark '" + name + "': matcher-throughput | tagger-jmh | notifier-match | notifier-current | analytics-throughput | ingest-extract | e2e-latency");
        System.exit(2);
      }
    }
  }
}
